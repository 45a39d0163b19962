import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { describeSnapshotContract } from '../contract/snapshot.contract';
import { anEvent, collect, events, idsOf, nextMatching } from '../contract/contract-fixtures';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { latestSchemaVersion, migrations } from './migrations';
import { SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'fundledger-sqlite-'));
const aFile = (): string => join(directory, `${randomUUID()}.sqlite`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeEventStoreContract('SQLite in memory', async () => SqliteEventStore.open({ path: ':memory:' }));
describeEventStoreContract('SQLite file', async () => SqliteEventStore.open({ path: aFile() }));
describeSnapshotContract('SQLite file', async () => SqliteEventStore.open({ path: aFile() }));

describe('SqliteEventStore', () => {
  const opened: SqliteEventStore[] = [];
  const open = (path: string, options: { busyTimeoutMs?: number; pollIntervalMs?: number; now?: () => Date } = {}) => {
    const store = SqliteEventStore.open({ path, ...options });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('given an empty log', () => {
    it('has no head position and reads nothing', async () => {
      const store = open(':memory:');
      expect(await store.headPosition()).toBe(-1n);
      expect(await collect(store.readAll())).toEqual([]);
    });
  });

  describe('when appending', () => {
    it('stamps recordedAt from the injected clock', async () => {
      const store = open(':memory:', { now: () => new Date('2022-03-31T23:59:59.000Z') });
      await store.append('award-1', events(2), { expectedRevision: 'no_stream' });
      const recorded = await collect(store.readStream('award-1'));
      expect(recorded.map(({ recordedAt }) => recordedAt)).toEqual(['2022-03-31T23:59:59.000Z', '2022-03-31T23:59:59.000Z']);
    });

    // SQLite-only: EventStoreDB scopes event-id idempotency to a stream and cannot see ids elsewhere.
    it('refuses an id already recorded in another stream, writing nothing of the batch', async () => {
      const store = open(':memory:');
      const taken = anEvent();
      await store.append('award-elsewhere', [taken], { expectedRevision: 'no_stream' });

      const reuse = store.append('award-reuse', [anEvent(), taken, anEvent()], { expectedRevision: 'no_stream' });
      await expect(reuse).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(reuse).rejects.toEqual(expect.objectContaining({ stream: 'award-reuse', eventId: taken.id }));
      expect(await collect(store.readStream('award-reuse'))).toEqual([]);
      expect(idsOf(await collect(store.readStream('award-elsewhere')))).toEqual([taken.id]);
    });

    it('refuses a batch that repeats an id within itself, writing nothing', async () => {
      const store = open(':memory:');
      const event = anEvent();
      await expect(store.append('award-1', [event, event], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.headPosition()).toBe(-1n);
    });

    it('refuses ids already in the same stream at another place, even with the right revision', async () => {
      const store = open(':memory:');
      const [first, second] = events(2);
      await store.append('award-1', [first!, second!], { expectedRevision: 'no_stream' });
      await expect(store.append('award-1', [second!], { expectedRevision: 1n })).rejects.toEqual(
        expect.objectContaining({ name: 'DuplicateEventIdError', eventId: second!.id }),
      );
    });

    it('tells a stale writer about the conflict before any duplicate id', async () => {
      const store = open(':memory:');
      const batch = events(3);
      await store.append('award-1', batch, { expectedRevision: 'no_stream' });
      await expect(store.append('award-1', [batch[0]!], { expectedRevision: 1n })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('keeps recorded events immutable in the file itself', async () => {
      const path = aFile();
      const store = open(path);
      await store.append('award-1', events(1), { expectedRevision: 'no_stream' });
      const raw = new Database(path);
      try {
        expect(() => raw.prepare("UPDATE events SET data = '{}'").run()).toThrow(/immutable/);
        expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/immutable/);
      } finally {
        raw.close();
      }
    });
  });

  describe('given two connections to one file', () => {
    it('lets exactly one of two racing writers win, and leaves no trace of the loser', async () => {
      const path = aFile();
      const [one, two] = [open(path), open(path)];
      await one.append('award-1', events(1), { expectedRevision: 'no_stream' });
      const [fromOne, fromTwo] = [anEvent({ writer: 'one' }), anEvent({ writer: 'two' })];

      const outcomes = await Promise.allSettled([
        one.append('award-1', [fromOne], { expectedRevision: 0n }),
        two.append('award-1', [fromTwo], { expectedRevision: 0n }),
      ]);

      expect(outcomes.map(({ status }) => status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(lost?.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const loser = outcomes[0]!.status === 'rejected' ? fromOne : fromTwo;
      const all = await collect(open(path).readAll());
      expect(all.map(({ revision }) => revision)).toEqual([0n, 1n]);
      expect(idsOf(all)).not.toContain(loser.id);
    });

    it('gives up with EventStoreUnavailableError when another writer holds the lock past the busy timeout', async () => {
      const path = aFile();
      const store = open(path, { busyTimeoutMs: 200 });
      await store.append('award-1', events(1), { expectedRevision: 'no_stream' });
      const holder = new Database(path);
      holder.exec('BEGIN IMMEDIATE');
      try {
        const started = Date.now();
        const blocked = store.append('award-1', events(1), { expectedRevision: 0n });
        await expect(blocked).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(blocked).rejects.toThrow(/locked by another writer.*200 ms busy timeout/);
        expect(Date.now() - started).toBeGreaterThanOrEqual(150);
        // Readers are not held up by a writer under WAL.
        expect(await collect(store.readStream('award-1'))).toHaveLength(1);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      await expect(store.append('award-1', events(1), { expectedRevision: 0n })).resolves.toEqual(
        expect.objectContaining({ nextExpectedRevision: 1n }),
      );
    });

    it('delivers to a subscription the events another connection appends', async () => {
      const path = aFile();
      const [reader, writer] = [open(path, { pollIntervalMs: 20 }), open(path)];
      const subscription = reader.subscribeToAll();
      const batch = events(3);
      const delivered = nextMatching(subscription[Symbol.asyncIterator](), 3, () => true, 5_000);
      await writer.append('award-1', batch, { expectedRevision: 'no_stream' });

      expect(idsOf(await delivered)).toEqual(idsOf(batch));
      await subscription.stop();
    });
  });

  describe('given a live subscription that would not poll for a minute', () => {
    const slowPoll = { pollIntervalMs: 60_000 };

    it('is woken at once by an append through the same store', async () => {
      const store = open(':memory:', slowPoll);
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const waiting = nextMatching(iterator, 1, () => true, 1_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const batch = events(1);
      await store.append('award-1', batch, { expectedRevision: 'no_stream' });

      expect(idsOf(await waiting)).toEqual(idsOf(batch));
      await subscription.stop();
    });

    it('ends a waiting iteration at once when stopped', async () => {
      const store = open(':memory:', slowPoll);
      const subscription = store.subscribeToAll();
      const ended = subscription[Symbol.asyncIterator]().next();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stoppedAt = Date.now();
      await subscription.stop();

      await expect(ended).resolves.toEqual(expect.objectContaining({ done: true }));
      expect(Date.now() - stoppedAt).toBeLessThan(500);
    });
  });

  describe('opening', () => {
    it('creates the file and its directory, in WAL mode, recording the schema version', async () => {
      const path = join(directory, randomUUID(), 'nested', 'ledger.sqlite');
      const store = open(path);
      expect(store.schemaVersion).toBe(latestSchemaVersion());
      const raw = new Database(path, { readonly: true });
      try {
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(raw.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all()).toEqual(
          migrations.map(({ version }) => version),
        );
      } finally {
        raw.close();
      }
    });

    it('applies migrations once, keeping the log, when reopened', async () => {
      const path = aFile();
      const first = open(path);
      const written = await first.append('award-1', events(2), { expectedRevision: 'no_stream' });
      await first.close();

      const reopened = open(path);
      expect(reopened.schemaVersion).toBe(latestSchemaVersion());
      expect(await reopened.headPosition()).toBe(written.position);
      const raw = new Database(path, { readonly: true });
      try {
        expect(raw.prepare('SELECT COUNT(*) FROM schema_version').pluck().get()).toBe(migrations.length);
      } finally {
        raw.close();
      }
    });

    it('refuses a file written by a newer schema', async () => {
      const path = aFile();
      await open(path).close();
      const raw = new Database(path);
      raw.prepare("INSERT INTO schema_version VALUES (?, 'from the future', '2030-01-01T00:00:00.000Z')").run(
        latestSchemaVersion() + 1,
      );
      raw.close();
      expect(() => SqliteEventStore.open({ path })).toThrow(EventStoreUnavailableError);
      expect(() => SqliteEventStore.open({ path })).toThrow(/newer than/);
    });
  });

  describe('closing', () => {
    it('ends live subscriptions, refuses further work and may be repeated', async () => {
      const store = open(':memory:', { pollIntervalMs: 60_000 });
      const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
      const ended = iterator.next();
      await store.close();

      await expect(ended).resolves.toEqual(expect.objectContaining({ done: true }));
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.append('award-1', events(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.ping()).rejects.toThrow(/closed/);
    });
  });
});
