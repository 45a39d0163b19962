import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { anEvent, collect, events, idsOf } from '../contract/contract-fixtures';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { GroupCommit } from './group-commit';
import { migrate } from './migrations';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteMerkleTree } from './sqlite-merkle-tree';
import { SqliteEventStore } from './sqlite-event-store';
import { toStoreFailure } from './sqlite-failure';

const directory = mkdtempSync(join(tmpdir(), 'fundledger-group-commit-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const request = (stream: string, count: number, expectedRevision: 'no_stream' | bigint = 'no_stream') => ({
  stream,
  events: events(count),
  expectedRevision,
  recordedAt: '2026-12-01T00:00:00.000Z',
});

describe('group commit', () => {
  describe('given 64 appends to different streams waiting at once, one of them stale', () => {
    const db = new Database(':memory:');
    migrate(db, () => new Date());
    const statements: string[] = [];
    // Counts the statements the group commit runs (it prepares each once); everything else is the real connection.
    const counted = new Proxy(db, {
      get: (target, name) =>
        name === 'prepare'
          ? (sql: string) => {
              const statement = target.prepare(sql);
              return { run: () => (statements.push(sql), statement.run()) };
            }
          : Reflect.get(target, name, target),
    });
    const log = new SqliteEventLog(db);
    const commits = new GroupCommit(counted, log, new SqliteMerkleTree(db), (error: unknown) =>
      toStoreFailure(error, { action: 'test', path: ':memory:', busyTimeoutMs: 0 }),
    );
    afterAll(() => db.close());

    it('writes all the others in one transaction, refusing the stale one alone and writing nothing of it', async () => {
      await commits.append(request('award-stale', 1));
      statements.length = 0;
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 63 }, (_, i) => commits.append(request(`award-${i}`, 2))),
        commits.append(request('award-stale', 1, 'no_stream')),
      ]);
      expect(statements.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
      expect(statements.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(1);
      expect(outcomes.slice(0, 63).every((o) => o.status === 'fulfilled')).toBe(true);
      const stale = outcomes[63];
      expect(stale.status === 'rejected' && stale.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(log.lastRevision('award-stale')).toBe(0n);
      expect(log.lastRevision('award-62')).toBe(1n);
    });

    it('commits an append that waits alone without a savepoint, and rolls back a lone refused one whole', async () => {
      statements.length = 0;
      await commits.append(request('award-alone', 1));
      expect(statements).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);

      statements.length = 0;
      await expect(commits.append(request('award-alone', 1, 'no_stream'))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(statements).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
      expect(db.inTransaction).toBe(false);
      await expect(commits.append(request('award-alone', 1, 0n))).resolves.toMatchObject({ nextExpectedRevision: 1n });
      expect(log.lastRevision('award-alone')).toBe(1n);
    });

    it('refuses an id another append in the same commit already wrote, keeping that one', async () => {
      const taken = anEvent();
      const [first, second] = await Promise.allSettled([
        commits.append({ ...request('award-first', 0), events: [taken] }),
        commits.append({ ...request('award-second', 0), events: [anEvent(), taken] }),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(second.status === 'rejected' && second.reason).toBeInstanceOf(DuplicateEventIdError);
      expect(log.lastRevision('award-second')).toBe('no_stream');
    });
  });

  describe('given a store that cannot grow (SQLITE_FULL under max_page_count)', () => {
    const padding = 'x'.repeat(4000);
    const big = (n: number) => Array.from({ length: n }, () => anEvent({ padding }));

    it('answers EVENT_STORE_UNAVAILABLE, loses nothing acknowledged, and keeps serving reads', async () => {
      const store = SqliteEventStore.open({ path: join(directory, 'full.sqlite'), maxPages: 60 });
      try {
        const acknowledged: string[] = [];
        let failure: unknown;
        for (let i = 0; failure === undefined && i < 200; i += 1) {
          const batch = big(1);
          await store.append(`award-${i}`, batch, { expectedRevision: 'no_stream' }).then(
            () => acknowledged.push(batch[0].id),
            (error: unknown) => (failure = error),
          );
        }
        expect(failure).toBeInstanceOf(EventStoreUnavailableError);
        expect((failure as EventStoreUnavailableError).message).toMatch(/SQLITE_FULL/);
        expect(acknowledged.length).toBeGreaterThan(5);

        // A shared commit that cannot be written refuses every append in it and leaves none behind.
        const together = await Promise.allSettled([1, 2, 3].map((i) => store.append(`award-late-${i}`, big(3), { expectedRevision: 'no_stream' })));
        expect(together.map((o) => o.status === 'rejected' && o.reason instanceof EventStoreUnavailableError)).toEqual([true, true, true]);

        expect(idsOf(await collect(store.readAll()))).toEqual(acknowledged);
        expect(await store.headPosition()).toBeGreaterThan(0n);
      } finally {
        await store.close();
      }
    });
  });
});
