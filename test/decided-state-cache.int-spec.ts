import fc from 'fast-check';
import {
  DecidedStateCache,
  loadStreamState,
  SqliteEventStore,
  type DomainEvent,
  type RecordedEvent,
  type StreamDecision,
} from '@fundledger/event-store';
import { awardStreamName, evolveAward, foldAward, initialAwardState, toAwardEvent, type AwardState } from '@fundledger/funding';
import { awardHistory, GENERATED_AWARD_ID, historySeed } from '../libs/projections/src/award-history.test-builders';

const stream = awardStreamName(GENERATED_AWARD_ID);
const awardFold: StreamDecision<AwardState, DomainEvent> = {
  stream,
  foldName: 'award',
  initialState: initialAwardState,
  evolve: (state, event) => evolveAward(state, toAwardEvent(event as unknown as RecordedEvent)),
  decide: () => [],
};

const appendAll = async (store: SqliteEventStore, events: readonly RecordedEvent[], after: bigint | undefined) => {
  if (events.length === 0) return;
  await store.append(
    stream,
    events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
    { expectedRevision: after === undefined ? 'no_stream' : after },
  );
};

describe('the decided state of a stream', () => {
  it('is the same cached and folded on as folded from scratch, wherever the history is cut (generated histories)', async () => {
    await fc.assert(
      fc.asyncProperty(historySeed, fc.array(fc.nat(), { maxLength: 4 }), async (seed, cuts) => {
        const history = awardHistory(seed);
        const at = [...new Set(cuts.map((c) => c % (history.length + 1)))].sort((a, b) => a - b);
        const store = SqliteEventStore.open({ path: ':memory:' });
        const cache = new DecidedStateCache();
        try {
          let written = 0;
          for (const cut of [...at, history.length]) {
            await appendAll(store, history.slice(written, cut), written === 0 ? undefined : BigInt(written - 1));
            written = cut;
            const cached = await loadStreamState(store, awardFold, cache);
            const fresh = await loadStreamState(store, awardFold, new DecidedStateCache());
            const expected = foldAward(history.slice(0, cut).map(toAwardEvent));
            expect(cached.state).toEqual(expected);
            expect(fresh.state).toEqual(expected);
            expect(cached.last?.revision).toEqual(fresh.last?.revision);
            expect([...cached.commandIds]).toEqual([...fresh.commandIds]);
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('folds on what another writer appended after it was cached', async () => {
    const history = awardHistory(fc.sample(historySeed, { numRuns: 1, seed: 7 })[0]);
    const store = SqliteEventStore.open({ path: ':memory:' });
    const cache = new DecidedStateCache();
    try {
      const half = Math.ceil(history.length / 2);
      await appendAll(store, history.slice(0, half), undefined);
      await loadStreamState(store, awardFold, cache);
      await appendAll(store, history.slice(half), BigInt(half - 1));
      const loaded = await loadStreamState(store, awardFold, cache);
      expect(loaded.last?.revision).toBe(BigInt(history.length - 1));
      expect(loaded.state).toEqual(foldAward(history.map(toAwardEvent)));
    } finally {
      await store.close();
    }
  });

  it('keeps at most its capacity of streams, dropping the least recently used', () => {
    const cache = new DecidedStateCache(2);
    const entry = { state: 0, last: undefined, commandIds: new Set<string>(), commandIdsFrom: 0n, snapshotRevision: undefined };
    cache.set('f', 'a', entry);
    cache.set('f', 'b', entry);
    cache.get('f', 'a');
    cache.set('f', 'c', entry);
    expect([cache.get('f', 'a'), cache.get('f', 'b'), cache.get('f', 'c')]).toEqual([entry, undefined, entry]);
    expect(cache.size).toBe(2);
  });
});
