import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { describeSnapshotContract } from '../contract/snapshot.contract';
import { anEvent, collect, events, idsOf, inStreams, nextMatching, uniqueStream } from '../contract/contract-fixtures';
import { DuplicateEventIdError, EventStoreUnavailableError } from '../event-store.errors';
import { PostgresEventStore } from './postgres-event-store';
import { latestPostgresSchemaVersion, postgresMigrations } from './postgres-migrations';
import { describeWithPostgres } from './throwaway-cluster';

describeWithPostgres('PostgresEventStore on a throwaway cluster', (cluster) => {
  let url = '';
  const opened: PostgresEventStore[] = [];
  const open = async (options: { beforeCommit?: () => Promise<void>; now?: () => Date; at?: string } = {}) => {
    const store = await PostgresEventStore.connect({ connectionString: options.at ?? url, pollIntervalMs: 50, ...options });
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    url = await cluster().createDatabase('contract');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describeEventStoreContract('PostgreSQL', async () => PostgresEventStore.connect({ connectionString: url, pollIntervalMs: 50 }));
  describeSnapshotContract('PostgreSQL', async () => PostgresEventStore.connect({ connectionString: url, pollIntervalMs: 50 }));

  describe('when appending', () => {
    it('stamps recordedAt from the injected clock', async () => {
      const store = await open({ now: () => new Date('2022-03-31T23:59:59.000Z') });
      const stream = uniqueStream('Clock');
      await store.append(stream, events(1), { expectedRevision: 'no_stream' });
      expect((await collect(store.readStream(stream)))[0]!.recordedAt).toBe('2022-03-31T23:59:59.000Z');
    });

    it('refuses an id already recorded in another stream, writing nothing of the batch', async () => {
      const store = await open();
      const taken = anEvent();
      const [elsewhere, reuse] = [uniqueStream('Elsewhere'), uniqueStream('Reuse')];
      await store.append(elsewhere, [taken], { expectedRevision: 'no_stream' });

      const attempt = store.append(reuse, [anEvent(), taken], { expectedRevision: 'no_stream' });
      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await collect(store.readStream(reuse))).toEqual([]);
    });

    it('keeps positions dense and in commit order across many concurrent writers on several instances', async () => {
      const stores = await Promise.all([open(), open(), open()]);
      const head = await stores[0]!.headPosition();
      const streams = Array.from({ length: 12 }, (_, index) => uniqueStream(`Dense${index}`));
      await Promise.all(
        streams.map((stream, index) => stores[index % 3]!.append(stream, events(1 + (index % 3)), { expectedRevision: 'no_stream' })),
      );
      const written = (await collect(stores[1]!.readAll({ fromPosition: head + 1n }))).filter(inStreams(...streams));
      expect(written).toHaveLength(24);
      const positions = written.map(({ position }) => position);
      expect(positions).toEqual(positions.map((_, index) => positions[0]! + BigInt(index)));
    });
  });

  describe('the gap problem: a transaction still in flight when a later one wants to commit', () => {
    it('never lets a subscriber see a later position before an earlier one, so none is skipped', async () => {
      let releaseFirst: () => void = () => undefined;
      let firstIsWaiting: () => void = () => undefined;
      const firstHeld = new Promise<void>((resolve) => {
        firstIsWaiting = resolve;
      });
      const holdFirst = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let held = false;
      // The slow instance's first append stops just before COMMIT, its rows written and a position taken.
      const slow = await open({
        beforeCommit: async () => {
          if (held) return;
          held = true;
          firstIsWaiting();
          await holdFirst;
        },
      });
      const fast = await open();
      const reader = await open();
      const [a, b] = [uniqueStream('GapSlow'), uniqueStream('GapFast')];
      const subscription = reader.subscribeToAll({ fromPosition: await reader.headPosition() });
      const iterator = subscription[Symbol.asyncIterator]();

      const slowAppend = slow.append(a, [anEvent({ who: 'slow' })], { expectedRevision: 'no_stream' });
      await firstHeld;
      const fastAppend = fast.append(b, [anEvent({ who: 'fast' })], { expectedRevision: 'no_stream' });
      // With positions from a sequence, the fast transaction would commit now, at a higher position, and a
      // subscriber reading "after the last position seen" would later skip the slow one for ever.
      const pending = iterator.next();
      const early = await Promise.race([
        pending.then(() => 'delivered'),
        new Promise((resolve) => setTimeout(() => resolve('nothing yet'), 400)),
      ]);
      expect(early).toBe('nothing yet');

      releaseFirst();
      const [slowResult, fastResult] = await Promise.all([slowAppend, fastAppend]);
      expect(fastResult.position).toBe(slowResult.position + 1n);
      const first = await pending;
      const second = await nextMatching(iterator, 1, inStreams(a, b));
      expect([first.value, ...second].map(({ stream }) => stream)).toEqual([a, b]);
      await subscription.stop();
    });

    it('a subscription on another instance is woken by the commit, well before its poll', async () => {
      const writer = await open();
      const reader = await PostgresEventStore.connect({ connectionString: url, pollIntervalMs: 60_000 });
      opened.push(reader);
      const stream = uniqueStream('Notify');
      const subscription = reader.subscribeToAll({ fromPosition: await reader.headPosition() });
      const iterator = subscription[Symbol.asyncIterator]();
      const delivered = nextMatching(iterator, 1, inStreams(stream), 5_000);
      // Let the subscription reach its sleep and the LISTEN connection open before writing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const event = anEvent();
      await writer.append(stream, [event], { expectedRevision: 'no_stream' });
      expect(idsOf(await delivered)).toEqual([event.id]);
      await subscription.stop();
    });
  });

  describe('the immutability guard', () => {
    it.each([
      ['UPDATE', `UPDATE events SET data = '{"amount":"0.01"}'`],
      ['DELETE', 'DELETE FROM events'],
      ['TRUNCATE', 'TRUNCATE events'],
    ])('refuses %s of a recorded event, even to a direct connection', async (_, sql) => {
      const store = await open();
      await store.append(uniqueStream('Guard'), events(1), { expectedRevision: 'no_stream' });
      const before = await store.headPosition();
      const direct = new Client({ connectionString: url });
      await direct.connect();
      try {
        await expect(direct.query(sql)).rejects.toThrow('events are immutable: append a correcting event instead');
      } finally {
        await direct.end();
      }
      expect(await store.headPosition()).toBe(before);
    });
  });

  describe('migrations', () => {
    it('several instances opening a new database at once apply each step exactly once', async () => {
      const fresh = await cluster().createDatabase(`fresh_${randomUUID().slice(0, 8)}`);
      const stores = await Promise.all([open({ at: fresh }), open({ at: fresh }), open({ at: fresh })]);
      expect(stores.map(({ schemaVersion }) => schemaVersion)).toEqual([1, 1, 1].map(() => latestPostgresSchemaVersion()));
      const direct = new Client({ connectionString: fresh });
      await direct.connect();
      try {
        const { rows } = await direct.query('SELECT version FROM schema_version ORDER BY version');
        expect(rows.map(({ version }) => version)).toEqual(postgresMigrations.map((step) => step.version));
      } finally {
        await direct.end();
      }
    });
  });

  describe('when the server cannot be reached', () => {
    it('opening fails with EVENT_STORE_UNAVAILABLE and no password in the message', async () => {
      const nowhere = `postgresql://ledger:s3cret@/nowhere?host=${encodeURIComponent(cluster().socketDirectory)}/missing`;
      const attempt = PostgresEventStore.connect({ connectionString: nowhere });
      await expect(attempt).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(attempt).rejects.not.toThrow('s3cret');
    });

    it('a closed store answers EVENT_STORE_UNAVAILABLE', async () => {
      const store = await open();
      await store.close();
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });
});
