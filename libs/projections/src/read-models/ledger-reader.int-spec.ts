import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@fundledger/event-store';
import { LEDGER_VIEW_CODEC_VERSION } from '../ledger';
import { LedgerProjection } from './ledger-projection';
import { LogLedgerReader, ProjectedLedgerReader } from './ledger-reader';
import { appendRecorded, clevelandHistory, steppingClock } from './ledger-history.test-builders';
import { AsAtNotRecordedError, ReadModelBehindError } from './read-model.errors';
import { ReadModelStore } from './read-model.store';

const CLEVELAND = 'dapi21-cleveland';
/** The store's clock starts here and moves one second per append (one append per command). */
const FIRST_RECORDED_AT = '2024-04-01T09:00:00.000Z';
const NOW = () => new Date('2030-01-01T00:00:00.000Z');

describe('the ledger reader', () => {
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let projection: LedgerProjection;
  let reader: ProjectedLedgerReader;

  beforeEach(async () => {
    store = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 20, now: steppingClock(FIRST_RECORDED_AT) });
    readModels = ReadModelStore.open(':memory:', `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
    projection = new LedgerProjection(store, readModels);
    await projection.start();
    reader = new ProjectedLedgerReader(store, projection, { waitTimeoutMs: 200, now: NOW });
    await appendRecorded(store, clevelandHistory());
  });

  afterEach(async () => {
    await projection.stop();
    readModels.close();
    await store.close();
  });

  /** Where the variation to 200,124.66 (cle21-001) sits in the log. */
  const variation = async () => {
    for await (const event of store.readAll()) if (event.type === 'AwardVaried') return event;
    throw new Error('no AwardVaried in the log');
  };

  describe('as at a position', () => {
    it('before the variation, shows the amount announced nationally', async () => {
      const varied = await variation();
      const before = await reader.at({ knownAt: { position: varied.position - 1n } });
      expect(before.award(CLEVELAND)?.award.amount.toString()).toBe('200333.33');
      expect(before.position).toBe((varied.position - 1n).toString());
    });

    it('at the variation, shows the amount the local decision confirmed', async () => {
      const varied = await variation();
      const at = await reader.at({ knownAt: { position: varied.position } });
      expect(at.award(CLEVELAND)?.award.amount.toString()).toBe('200124.66');
      expect(at.award(CLEVELAND)?.amountHistory.map((entry) => entry.amount)).toEqual(['200333.33', '200124.66']);
      expect(at.recordedAt).toBe(varied.recordedAt);
    });

    it('knows nothing of an award before it was made', async () => {
      const snapshot = await reader.at({ knownAt: { position: 1n } });
      expect(snapshot.award(CLEVELAND)).toBeUndefined();
      expect(snapshot.programme('dapi-2021')?.programme.name).toMatch(/Domestic Abuse Perpetrator/);
    });

    it('refuses a position the log has not reached: that answer could still change', async () => {
      const head = await store.headPosition();
      await expect(reader.at({ knownAt: { position: head + 1n } })).rejects.toThrow(
        new AsAtNotRecordedError(`position ${head + 1n} is beyond the log's last position ${head}`),
      );
    });

    it('answers the same as the current read model at the head', async () => {
      const head = await store.headPosition();
      const current = await reader.current({ minPosition: head });
      const folded = await reader.at({ knownAt: { position: head } });
      expect([...folded.awards()]).toEqual([...current.awards()]);
      expect(folded.position).toBe(current.position);
    });
  });

  describe('as at a recorded time', () => {
    it('folds the events recorded up to that instant, inclusive', async () => {
      const varied = await variation();
      const justBefore = new Date(Date.parse(varied.recordedAt) - 1).toISOString();
      expect((await reader.at({ knownAt: { time: justBefore } })).award(CLEVELAND)?.award.amount.toString()).toBe('200333.33');
      expect((await reader.at({ knownAt: { time: varied.recordedAt } })).award(CLEVELAND)?.award.amount.toString()).toBe('200124.66');
    });

    it('reads an instant in any offset as the same moment', async () => {
      const varied = await variation();
      const inParisSummerTime = new Date(Date.parse(varied.recordedAt) + 2 * 3600_000).toISOString().replace('Z', '+02:00');
      expect((await reader.at({ knownAt: { time: inParisSummerTime } })).position).toBe(varied.position.toString());
    });

    it('before the first event, answers an empty ledger at position -1', async () => {
      const snapshot = await reader.at({ knownAt: { time: '2020-01-01T00:00:00Z' } });
      expect(snapshot.position).toBe('-1');
      expect([...snapshot.awards()]).toEqual([]);
    });

    it.each(['2022-03-31T23:59:59', 'yesterday'])('refuses %s, which names no single instant', async (time) => {
      await expect(reader.at({ knownAt: { time } })).rejects.toThrow(/^knownAt: must (be an ISO-8601 date-time|include a time zone)/);
    });

    it('reads a plain date as midnight UTC at its start', async () => {
      // Every event was recorded on 2024-04-01, from 09:00 UTC.
      expect((await reader.at({ knownAt: { time: '2024-04-01' } })).position).toBe('-1');
      expect((await reader.at({ knownAt: { time: '2024-04-02' } })).position).toBe((await store.headPosition()).toString());
    });

    it('refuses a time still to come', async () => {
      await expect(reader.at({ knownAt: { time: '2031-01-01T00:00:00Z' } })).rejects.toThrow(/is in the future/);
    });
  });

  describe('current, with a minimum position', () => {
    it('waits for the projection to reach it, then answers', async () => {
      const head = await store.headPosition();
      const answer = reader.current({ minPosition: head + 1n });
      await store.append('note-1', [{ id: randomUUID(), type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
      await expect(answer).resolves.toMatchObject({ position: (head + 1n).toString() });
    });

    it('gives up after the configured wait with the position it did reach', async () => {
      const head = await store.headPosition();
      await projection.waitFor(head, 5000);
      const error = await reader.current({ minPosition: head + 5n }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReadModelBehindError);
      expect((error as Error).message).toBe(
        `read model at position ${head} has not reached ${head + 5n} yet (waited 200 ms); retry, or ask with ?position=${head + 5n}`,
      );
    });
  });

  describe('on the command line, with no projection', () => {
    it('folds the log to its head', async () => {
      const head = await store.headPosition();
      const current = await new LogLedgerReader(store, NOW).current();
      expect(current.position).toBe(head.toString());
      expect(current.award(CLEVELAND)?.award.grants.size).toBe(3);
    });
  });
});
