import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type EventStore, type SubscribeToAllOptions } from '@fundledger/event-store';
import { LEDGER_VIEW_CODEC_VERSION } from '../ledger';
import { LedgerProjection, type ProjectionLog } from './ledger-projection';
import { LEDGER_CHECKPOINT, rebuildLedgerReadModel } from './ledger-rebuild';
import { foldLedgerAsAt } from './ledger-snapshot';
import { appendRecorded, clevelandHistory, generatedLedger, steppingClock } from './ledger-history.test-builders';
import { ReadModelStoppedError } from './read-model.errors';
import { REPORT_PROJECTIONS } from './projections';
import { ReadModelStore } from './read-model.store';

const FORMAT = `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`;

/** A log that remembers where each subscription started and counts what it delivered. */
/** A store that notes where each read of the log starts and every event it hands out. */
const watched = (store: EventStore) => {
  const seen = { fromPositions: [] as Array<bigint | undefined>, delivered: [] as bigint[] };
  const wrapped: EventStore = Object.create(store);
  wrapped.readAll = async function* (options) {
    seen.fromPositions.push(options?.fromPosition);
    for await (const event of store.readAll(options)) {
      seen.delivered.push(event.position);
      yield event;
    }
  };
  wrapped.subscribeToAll = (options?: SubscribeToAllOptions) => {
    seen.fromPositions.push(options?.fromPosition);
    const subscription = store.subscribeToAll(options);
    const iterator = subscription[Symbol.asyncIterator]();
    return {
      stop: () => subscription.stop(),
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const result = await iterator.next();
          if (!result.done) seen.delivered.push(result.value.position);
          return result;
        },
      }),
    };
  };
  return { store: wrapped, seen };
};

const recordingLog = () => {
  const lines: string[] = [];
  const log: ProjectionLog = {
    log: () => undefined,
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
  return { log, lines };
};

/** Every projection's stored rows, projection by projection. */
const reportRowsOf = (readModels: ReadModelStore) => REPORT_PROJECTIONS.map((projection) => [projection.name, readModels.reportRows(projection.name)]);

/** Rebuilds into a fresh in-memory file: what the incremental rows must equal, row for row. */
const rebuilt = async (store: EventStore, sourcesPerTransaction?: number) => {
  const readModels = ReadModelStore.open(':memory:', FORMAT);
  await rebuildLedgerReadModel(store, readModels, sourcesPerTransaction === undefined ? {} : { batchSize: 500, sourcesPerTransaction });
  const result = { rows: readModels.rows(), reports: reportRowsOf(readModels), checkpoint: readModels.checkpoint(LEDGER_CHECKPOINT) };
  readModels.close();
  return result;
};

describe('the ledger projection', () => {
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let projection: LedgerProjection | undefined;

  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 20, now: steppingClock() });
    readModels = ReadModelStore.open(':memory:', FORMAT);
  });

  afterEach(async () => {
    await projection?.stop();
    projection = undefined;
    readModels.close();
    await store.close();
  });

  const follow = async (options: { maxBatch?: number; log?: ProjectionLog; on?: EventStore } = {}) => {
    projection = new LedgerProjection(options.on ?? store, readModels, options);
    await projection.start();
    return projection;
  };

  describe('following the fixtures as they are recorded', () => {
    it('writes the same rows, JSON for JSON, as a rebuild from the log', async () => {
      const running = await follow();
      await appendRecorded(store, clevelandHistory());
      await running.waitFor(await store.headPosition(), 5000);

      const expected = await rebuilt(store);
      expect(readModels.rows()).toEqual(expected.rows);
      expect(reportRowsOf(readModels)).toEqual(expected.reports);
      expect(readModels.checkpoint(LEDGER_CHECKPOINT)).toEqual(expected.checkpoint);
      // 25 awards and the programme: the comparison is over real rows, not two empty tables.
      expect(expected.rows.map((row) => row.kind).sort()).toEqual([...Array<string>(25).fill('award'), 'programme']);
    });
  });

  describe('following a generated ledger of over a thousand events', () => {
    it('writes the same rows as a rebuild, across many batches', async () => {
      const { events } = generatedLedger({ awards: 100, commandsPerAward: 15 });
      expect(events.length).toBeGreaterThan(1200);
      // Small batches, so commits land between appends and mid-way through commands of other awards.
      const running = await follow({ maxBatch: 37 });
      const half = Math.floor(events.length / 2);
      await appendRecorded(store, events.slice(0, half));
      await appendRecorded(store, events.slice(half));
      await running.waitFor(await store.headPosition(), 15000);

      // The rebuild writes its 102 sources seven per transaction.
      const expected = await rebuilt(store, 7);
      expect(readModels.rows()).toHaveLength(102);
      expect(readModels.rows()).toEqual(expected.rows);
      expect(reportRowsOf(readModels)).toEqual(expected.reports);
      expect(readModels.reportRows('award-position')).toHaveLength(100);
      expect(readModels.checkpoint(LEDGER_CHECKPOINT)).toEqual(expected.checkpoint);
    });
  });

  describe('restarting from a stored checkpoint', () => {
    it('continues after the last event applied, without applying any event twice', async () => {
      const events = clevelandHistory();
      const national = events.filter((event) => event.metadata.commandId?.toString().startsWith('nat21'));
      await appendRecorded(store, national);
      const first = await follow();
      await first.waitFor(await store.headPosition(), 5000);
      await first.stop();
      const stoppedAt = readModels.checkpoint(LEDGER_CHECKPOINT);
      const cheshireBefore = readModels.row('award', 'dapi21-cheshire');

      await appendRecorded(store, events.slice(national.length));
      const { store: log, seen } = watched(store);
      const second = await follow({ on: log });
      await second.waitFor(await store.headPosition(), 5000);

      // The checkpoint's own event is read to check it is this log's; then every later event, once.
      const after = (stoppedAt?.position ?? 0n) + 1n;
      expect(seen.fromPositions.slice(0, 2)).toEqual([stoppedAt?.position, after]);
      const head = await store.headPosition();
      expect(seen.delivered).toEqual([stoppedAt?.position, ...Array.from({ length: Number(head - after) + 1 }, (_, i) => after + BigInt(i))]);
      // An award no later event touched keeps the very row written before the restart.
      expect(readModels.row('award', 'dapi21-cheshire')).toEqual(cheshireBefore);
      expect(second.status()).toEqual({ position: await store.headPosition(), running: true });
      expect(readModels.rows()).toEqual((await rebuilt(store)).rows);
    });

    it('lists awards in the order they were made, as a fold of the log does', async () => {
      // Generated awards are made in random order, so the order made is not the order of their ids.
      const { events } = generatedLedger({ awards: 30, commandsPerAward: 4, seed: 7 });
      await appendRecorded(store, events.slice(0, 60));
      const first = await follow();
      await first.waitFor(await store.headPosition(), 5000);
      await first.stop();
      await appendRecorded(store, events.slice(60));
      const second = await follow();
      await second.waitFor(await store.headPosition(), 5000);

      const folded = await foldLedgerAsAt(store, { position: await store.headPosition() });
      const ids = (views: Iterable<{ award: { awardId: string } }>) => [...views].map((view) => view.award.awardId);
      expect(ids(second.snapshot().awards())).toEqual(ids(folded.awards()));
      expect(ids(folded.awards())).not.toEqual(ids(folded.awards()).sort());
      expect([...second.snapshot().awards()]).toEqual([...folded.awards()]);
    });

    it('folds from the start when the checkpoint names an event this log does not hold', async () => {
      await appendRecorded(store, clevelandHistory());
      readModels.commit(LEDGER_CHECKPOINT, [], { position: 3n, eventId: 'an-event-of-another-log' });
      const { log, lines } = recordingLog();
      const running = await follow({ log });
      await running.waitFor(await store.headPosition(), 5000);

      expect(lines).toEqual([expect.stringMatching(/checkpoint \(position 3, event an-event-of-another-log\) is not in this log/)]);
      expect(readModels.rows()).toEqual((await rebuilt(store)).rows);
    });
  });

  describe('when an event cannot be applied', () => {
    const bogus = (type: string) => ({ id: randomUUID(), type, data: { awardId: 'dapi21-cleveland' }, metadata: {} });

    it('stops at the last good event, says which event failed, and applies nothing after it', async () => {
      await appendRecorded(store, clevelandHistory());
      const good = await store.headPosition();
      const { log, lines } = recordingLog();
      const running = await follow({ log });
      await running.waitFor(good, 5000);

      const { position: broken } = await store.append('award-dapi21-cleveland', [bogus('AwardRenamed')], { expectedRevision: 'any' });
      await store.append('award-dapi21-cleveland', [bogus('AwardRenamedAgain')], { expectedRevision: 'any' });
      await expect(running.waitFor(broken, 5000)).rejects.toThrow(ReadModelStoppedError);

      expect(running.status()).toMatchObject({ position: good, running: false });
      expect(lines).toEqual([
        `error: the ledger read model stopped at position ${good}: could not apply AwardRenamed at position ${broken} ` +
          '(stream award-dapi21-cleveland): unknown award event type AwardRenamed',
      ]);
      expect(readModels.checkpoint(LEDGER_CHECKPOINT)?.position).toBe(good);
      expect(() => running.snapshot()).toThrow(`read model stopped at position ${good}`);
    });

    it('stops, and says why, when the event store ends the subscription under it', async () => {
      const { log, lines } = recordingLog();
      const running = await follow({ log });
      await store.close();
      await expect(running.waitFor(1n, 5000)).rejects.toThrow(/the event store ended the subscription/);
      expect(running.status()).toEqual({ position: -1n, running: false, failure: { position: -1n, reason: expect.any(String) } });
      expect(lines).toEqual([expect.stringMatching(/^error: the ledger read model stopped at position -1: the event store ended/)]);
    });

    it('commits the events of the batch before the one that failed', async () => {
      const events = clevelandHistory();
      await appendRecorded(store, events);
      const { position: broken } = await store.append('award-dapi21-cleveland', [bogus('AwardRenamed')], { expectedRevision: 'any' });
      const running = await follow({ maxBatch: 10_000 });
      await expect(running.waitFor(broken, 5000)).rejects.toThrow(ReadModelStoppedError);
      expect(running.position).toBe(broken - 1n);
      const withoutTheBrokenEvent = SqliteEventStore.open({ path: ':memory:', now: steppingClock() });
      await appendRecorded(withoutTheBrokenEvent, events);
      expect(readModels.rows()).toEqual((await rebuilt(withoutTheBrokenEvent)).rows);
      await withoutTheBrokenEvent.close();
    });
  });
});
