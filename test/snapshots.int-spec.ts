import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  DecidedStateCache,
  hashCommandBody,
  loadStreamState,
  SqliteEventStore,
  type DomainEvent,
  type EventStore,
  type JsonObject,
  type RecordedEvent,
  type StreamDecision,
} from '@fundledger/event-store';
import { awardDecider, awardStreamName, parseFundingCommand, type AwardCommand } from '@fundledger/funding';
import {
  AWARD_WITH_DUTIES_FOLD,
  awardWithDutiesSnapshot,
  evolveAwardWithDuties,
  initialAwardWithDuties,
  RecordFundingCommand,
  RecordFundingCommandHandler,
  type AwardWithDuties,
} from '@fundledger/funding/application';
import { reportingFigures } from '@fundledger/reporting';
import { awardHistory, commandFor, GENERATED_AWARD_ID, historySeed, historyStep } from '../libs/projections/src/award-history.test-builders';

const stream = awardStreamName(GENERATED_AWARD_ID);
/** The fold the command handler uses for an award: cached, and snapshotted with its codec. */
const snapshotted: StreamDecision<AwardWithDuties, DomainEvent> = {
  stream,
  foldName: AWARD_WITH_DUTIES_FOLD,
  snapshot: awardWithDutiesSnapshot,
  initialState: initialAwardWithDuties,
  evolve: (state, event) => evolveAwardWithDuties(state, event as unknown as RecordedEvent),
  decide: () => [],
};
/** The same fold unnamed: never cached, never snapshotted, always from the stream's first event. */
const { foldName: _name, snapshot: _codec, ...fromScratch } = snapshotted;

const foldTo = (history: readonly RecordedEvent[], revision: number): AwardWithDuties =>
  history.slice(0, revision + 1).reduce(evolveAwardWithDuties, initialAwardWithDuties);

const append = async (store: EventStore, events: readonly RecordedEvent[], after: number) => {
  if (events.length === 0) return;
  const toAppend = events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
  await store.append(stream, toAppend, { expectedRevision: after < 0 ? 'no_stream' : BigInt(after) });
};

const keepSnapshotAt = (store: SqliteEventStore, history: readonly RecordedEvent[], revision: number, version = awardWithDutiesSnapshot.version) =>
  store.keepSnapshot({
    stream,
    fold: AWARD_WITH_DUTIES_FOLD,
    revision: BigInt(revision),
    eventId: history[revision]!.id,
    version,
    state: awardWithDutiesSnapshot.encode(foldTo(history, revision)),
  });

/** What the award decider makes of a command on a state: its events, or the code it was refused with. */
const decisionOn = (state: AwardWithDuties, command: AwardCommand, actor: string) => {
  try {
    return { events: awardDecider.decide(state.award, command, { today: '2030-01-01', duties: { actor, recorded: state.duties } }) };
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? String(error) };
  }
};

const history = awardHistory(fc.sample(historySeed, { numRuns: 1, seed: 11 })[0]!);

describe('an award stream loaded from its snapshot', () => {
  it('decides exactly as cached and as folded from scratch, wherever the snapshot and the cache stand (generated histories)', async () => {
    await fc.assert(
      fc.asyncProperty(
        historySeed,
        fc.nat(),
        fc.nat(),
        historyStep,
        fc.constantFrom('fixture-import', 'fo-2'),
        async (seed, snapshotAt, cachedAt, nextStep, actor) => {
          const events = awardHistory(seed);
          const last = events.length - 1;
          // One draw in (length + 1) lands beyond the end and is taken as the last event: a snapshot with nothing after it.
          const snapshotRevision = Math.min(snapshotAt % (events.length + 1), last);
          const cacheCut = cachedAt % (events.length + 1);
          const store = SqliteEventStore.open({ path: ':memory:' });
          try {
            const cache = new DecidedStateCache();
            await append(store, events.slice(0, cacheCut), -1);
            if (cacheCut > 0) await loadStreamState(store, snapshotted, cache);
            await append(store, events.slice(cacheCut), cacheCut - 1);
            await keepSnapshotAt(store, events, snapshotRevision);

            const cached = await loadStreamState(store, snapshotted, cache);
            const fromSnapshot = await loadStreamState(store, snapshotted, new DecidedStateCache());
            const scratch = await loadStreamState(store, fromScratch, new DecidedStateCache());

            expect(fromSnapshot.snapshotRevision).toBe(BigInt(snapshotRevision));
            const expected = foldTo(events, last);
            for (const loaded of [cached, fromSnapshot, scratch]) {
              expect(loaded.state).toEqual(expected);
              expect(loaded.last?.id).toBe(events[last]!.id);
            }
            const award = expected.award;
            const body = award.status === 'not-made' ? undefined : commandFor(nextStep, award, 999);
            if (body !== undefined) {
              const { type, ...fields } = body;
              const command = parseFundingCommand(type, fields) as AwardCommand;
              const decision = decisionOn(scratch.state, command, actor);
              expect(decisionOn(cached.state, command, actor)).toEqual(decision);
              expect(decisionOn(fromSnapshot.state, command, actor)).toEqual(decision);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  describe('given a snapshot that cannot be trusted', () => {
    let store: SqliteEventStore;
    beforeEach(async () => {
      store = SqliteEventStore.open({ path: ':memory:' });
      await append(store, history, -1);
    });
    afterEach(() => store.close());

    /** Each bad snapshot below holds the award as just made: were it believed, the state would be wrong. */
    const justMade = awardWithDutiesSnapshot.encode(foldTo(history, 0));
    const last = history.length - 1;
    const expectFoldedFromTheStart = async () => {
      const loaded = await loadStreamState(store, snapshotted, new DecidedStateCache());
      expect(loaded.snapshotRevision).toBeUndefined();
      expect(loaded.commandIdsFrom).toBe(0n);
      expect(loaded.state).toEqual(foldTo(history, last));
    };

    it('ignores a snapshot of another codec version and folds the stream from its start', async () => {
      for (const version of [awardWithDutiesSnapshot.version - 1, awardWithDutiesSnapshot.version + 1]) {
        await store.keepSnapshot({ stream, fold: AWARD_WITH_DUTIES_FOLD, revision: BigInt(last), eventId: history[last]!.id, version, state: justMade });
        await expectFoldedFromTheStart();
      }
    });

    it('ignores a snapshot whose state does not decode (an amount that is not one)', async () => {
      const state = { award: { ...(justMade as JsonObject).award as JsonObject, amount: 'lots' }, duties: { paidBy: [], certifiedBy: [] } };
      await store.keepSnapshot({ stream, fold: AWARD_WITH_DUTIES_FOLD, revision: BigInt(last), eventId: history[last]!.id, version: 1, state });
      await expectFoldedFromTheStart();
    });

    it('ignores a snapshot beyond the stream (a store replaced by an older copy)', async () => {
      await store.keepSnapshot({ stream, fold: AWARD_WITH_DUTIES_FOLD, revision: BigInt(last + 5), eventId: 'from-the-newer-file', version: 1, state: justMade });
      await expectFoldedFromTheStart();
    });

    it('ignores a snapshot whose event at its revision is another one (a different history)', async () => {
      await store.keepSnapshot({ stream, fold: AWARD_WITH_DUTIES_FOLD, revision: BigInt(last), eventId: history[0]!.id, version: 1, state: justMade });
      await expectFoldedFromTheStart();
    });
  });
});

describe('the command path with snapshots', () => {
  const directory = mkdtempSync(join(tmpdir(), 'fundledger-snapshots-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const opened: EventStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const open = (path: string, snapshotEvery: number) => {
    const store = SqliteEventStore.open({ path, snapshotEvery });
    opened.push(store);
    return store;
  };

  const awardId = 'award-s';
  const setUp: Array<[string, string, JsonObject]> = [
    ['make', 'MakeAward', {
      awardId, funder: { id: 'home-office', name: 'Home Office' }, recipient: { id: 'opcc-s', name: 'OPCC S' }, amount: '10000.00',
      awardedOn: '2024-04-01', window: { start: '2024-04', end: '2025-03' }, decisionRef: 'HO-S', description: 'snapshots',
    }],
    ['commit', 'CommitGrant', {
      awardId, grantId: 'g-1', grantee: { id: 'provider-1', name: 'Provider 1' }, amount: '2000.00', committedOn: '2024-04-02', purpose: 'places',
    }],
  ];
  const payment = (n: number, amount: string): [string, string, JsonObject] => [
    `pay-${n}`,
    'PayDisbursement',
    { awardId, grantId: 'g-1', disbursementId: `d-${n}`, amount, paidOn: '2024-05-15', reference: `BACS ${n}` },
  ];
  const recorderOn = (store: EventStore, actor = 'fo-1') => {
    const handler = new RecordFundingCommandHandler(store, () => new Date('2024-06-01T12:00:00Z'), reportingFigures);
    return ([commandId, type, body]: [string, string, JsonObject]) =>
      handler.execute(
        new RecordFundingCommand(parseFundingCommand(type, body), {
          commandId,
          commandHash: hashCommandBody(type, body),
          actor: { id: actor, role: 'finance-officer' },
        }),
      );
  };
  const snapshotRevision = async (store: SqliteEventStore) =>
    (await store.readSnapshot(awardStreamName(awardId), AWARD_WITH_DUTIES_FOLD))?.revision;

  it('keeps a snapshot once N events have followed the last, after the command that found it due', async () => {
    const store = open(':memory:', 3);
    const record = recorderOn(store);
    const kept: Array<bigint | undefined> = [];
    for (const command of [...setUp, ...Array.from({ length: 8 }, (_, n) => payment(n, '1.00'))]) {
      await record(command);
      kept.push(await snapshotRevision(store));
    }
    // Command k loads revisions 0..k-1: the 4th finds 3 events unsnapshotted, the 7th three more, and so on.
    expect(kept).toEqual([undefined, undefined, undefined, 2n, 2n, 2n, 5n, 5n, 5n, 8n]);
  });

  it('folds, cold, the snapshot and what another process appended after it', async () => {
    const path = join(directory, 'two-processes.sqlite');
    const first = open(path, 4);
    const record = recorderOn(first);
    for (const command of [...setUp, ...Array.from({ length: 10 }, (_, n) => payment(n, '100.00'))]) await record(command);
    await recorderOn(open(path, 4))(payment(10, '900.00'));

    const cold = open(path, 4);
    const takenAt = await snapshotRevision(cold);
    expect(takenAt).toBeLessThan(12n);
    // 1,000.00 + 900.00 of 2,000.00 already paid: one more penny than the 100.00 left is refused.
    await expect(recorderOn(cold)(payment(11, '100.01'))).rejects.toMatchObject({ code: 'PAYMENT_EXCEEDS_COMMITMENT' });
    await expect(recorderOn(cold)(payment(12, '100.00'))).resolves.toMatchObject({ revision: '13' });
  });

  it('answers a retry of a command older than the snapshot with its first outcome, and refuses its id with another body', async () => {
    const path = join(directory, 'retry.sqlite');
    const record = recorderOn(open(path, 2));
    const receipts = [];
    for (const command of [...setUp, ...Array.from({ length: 6 }, (_, n) => payment(n, '10.00'))]) receipts.push(await record(command));

    const cold = open(path, 2);
    expect(await snapshotRevision(cold)).toBeGreaterThan(2n);
    const retried = await recorderOn(cold)(payment(0, '10.00'));
    expect(retried).toEqual({ ...receipts[2], replayed: true });
    await expect(recorderOn(open(path, 2))(payment(0, '20.00'))).rejects.toMatchObject({ code: 'COMMAND_ID_REUSED' });
  });

  it('records the command when the snapshot cannot be written, and tries again N events later', async () => {
    const store = open(':memory:', 1);
    let refused = 0;
    const full = Object.assign(Object.create(store) as SqliteEventStore, {
      keepSnapshot: async () => {
        refused += 1;
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    });
    const record = recorderOn(full);
    for (const command of [...setUp, payment(0, '1.00'), payment(1, '1.00')]) await record(command);
    expect(refused).toBe(3);
    expect(await snapshotRevision(store)).toBeUndefined();
    await expect(record(payment(2, '1.00'))).resolves.toMatchObject({ revision: '4', replayed: false });
  });
});
