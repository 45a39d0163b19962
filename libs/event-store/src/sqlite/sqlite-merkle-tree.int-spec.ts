import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, events } from '../contract/contract-fixtures';
import { eventLeafHash } from '../merkle/event-leaf';
import { ClientSideLogTree } from '../merkle/log-tree';
import { rootOf } from '../merkle/merkle-tree';
import { migrations } from './migrations';
import { SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'fundledger-merkle-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the Merkle tree in the SQLite file', () => {
  it('is built from the events already there when a file from before the tree is opened', async () => {
    const path = join(directory, 'before-the-tree.sqlite');
    const older = new Database(path);
    older.exec(migrations[0]!.sql);
    older.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
                INSERT INTO schema_version VALUES (1, 'the append-only event log', '2024-01-01T00:00:00.000Z')`);
    const insert = older.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    events(5).forEach((event, revision) =>
      insert.run(event.id, 'award-old', revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), '2024-01-01T00:00:00.000Z'),
    );
    older.close();

    const store = SqliteEventStore.open({ path });
    try {
      const more = await store.append('award-old', events(2), { expectedRevision: 4n });
      const leaves = (await collect(store.readAll())).map((event) => eventLeafHash(event));
      expect(await store.treeHeadAt()).toMatchObject({ treeSize: 7n, lastPosition: more.position, rootHash: rootOf(leaves).toString('hex') });
      expect((await store.treeHeadAt(3n)).rootHash).toBe(rootOf(leaves.slice(0, 3)).toString('hex'));
    } finally {
      await store.close();
    }
  });

  it('keeps each tree head in its append\'s last event, as immutable as the event', async () => {
    const path = join(directory, 'leaves.sqlite');
    const store = SqliteEventStore.open({ path });
    await store.append('award-a', events(2), { expectedRevision: 'no_stream' });
    await store.close();
    const raw = new Database(path);
    try {
      expect(raw.prepare('SELECT position FROM events WHERE merkle_head IS NOT NULL').pluck().all()).toEqual([2]);
      expect(() => raw.exec('UPDATE events SET merkle_head = NULL')).toThrow('events are immutable');
    } finally {
      raw.close();
    }
  });

  it('is the same tree when folded on the client, as the EventStoreDB adapter does', async () => {
    const store = SqliteEventStore.open({ path: ':memory:' });
    try {
      const client = new ClientSideLogTree((options) => store.readAll(options));
      const first = await store.append('award-a', events(3), { expectedRevision: 'no_stream' });
      expect(await client.headAt(first.position)).toEqual(await store.treeHeadAt(first.position));
      const second = await store.append('award-b', events(4), { expectedRevision: 'no_stream' });
      expect(await client.headAt(second.position)).toEqual(await store.treeHeadAt(second.position));
      // Back to an earlier position: folded again from the start, and the later fold stays usable.
      expect(await client.headAt(first.position - 1n)).toEqual(await store.treeHeadAt(first.position - 1n));
      expect(await client.headAt()).toEqual(await store.treeHeadAt());
    } finally {
      await store.close();
    }
  });
});
