import type { EventStore, RecordedEvent } from '../event-store.port';
import { snapshotsOf, type SnapshotCodec, type StreamSnapshot } from '../snapshots/snapshot-store.port';
import type { DecidedState, DecidedStateCache } from './decided-state.cache';
import type { DomainEvent, StreamDecision } from './handle-command';

/**
 * The stream's state as of its last event, from the cheapest true starting point: the cached state
 * (named folds), else the stream's snapshot (folds with a codec, on a store that keeps snapshots), else
 * the start of the stream; then every event after it. Command ids are gathered on the way so a retry is
 * recognised without keeping the stream's events.
 */
export async function loadStreamState<S, E extends DomainEvent>(
  store: EventStore,
  decision: StreamDecision<S, E>,
  cache: DecidedStateCache,
): Promise<DecidedState<S>> {
  const fold = decision.foldName;
  const cached = fold === undefined ? undefined : cache.get<S>(fold, decision.stream);
  const loaded =
    cached !== undefined
      ? await foldOn(decision, cached, readAfter(store, decision.stream, cached.last))
      : ((await fromSnapshot(store, decision)) ?? (await foldOn(decision, fromTheStart(decision), readAfter(store, decision.stream, undefined))));
  if (fold !== undefined) cache.set(fold, decision.stream, loaded);
  return loaded;
}

/**
 * Keeps a snapshot of a state that is N or more events past the stream's last one. Called once the
 * command's own append has committed (or been refused): the snapshot is only a shortcut, so a failure
 * to keep it is swallowed, and the next try waits another N events rather than costing every command.
 */
export async function keepSnapshotIfDue<S, E extends DomainEvent>(
  store: EventStore,
  decision: StreamDecision<S, E>,
  loaded: DecidedState<S>,
  cache: DecidedStateCache,
): Promise<void> {
  const snapshots = snapshotsOf(store);
  const { foldName: fold, snapshot: codec } = decision;
  const last = loaded.last;
  if (snapshots === undefined || fold === undefined || codec === undefined || last === undefined) return;
  if (snapshots.snapshotEvery <= 0 || last.revision - (loaded.snapshotRevision ?? -1n) < BigInt(snapshots.snapshotEvery)) return;
  try {
    const state = codec.encode(loaded.state);
    await snapshots.keepSnapshot({ stream: decision.stream, fold, revision: last.revision, eventId: last.id, version: codec.version, state });
  } catch {
    // Deliberately quiet: the log is whole without a snapshot, and the command has already been answered for.
  }
  if (cache.get(fold, decision.stream) === loaded) cache.set(fold, decision.stream, { ...loaded, snapshotRevision: last.revision });
}

const fromTheStart = <S, E extends DomainEvent>(decision: StreamDecision<S, E>): DecidedState<S> => ({
  state: decision.initialState,
  last: undefined,
  // Owned by the cache entry and only ever added to: commands on a stream run one at a time.
  commandIds: new Set<string>(),
  commandIdsFrom: 0n,
  snapshotRevision: undefined,
});

const readAfter = (store: EventStore, stream: string, last: RecordedEvent | undefined): AsyncIterator<RecordedEvent> =>
  store.readStream(stream, { fromRevision: last === undefined ? 0n : last.revision + 1n })[Symbol.asyncIterator]();

/**
 * The snapshot's state and the events after it, or undefined when there is no snapshot to trust: none
 * kept, a version the codec cannot read, or a snapshot whose last event is not in this stream at its
 * revision (a store replaced by an older copy, or another history), which is then folded from the start.
 */
async function fromSnapshot<S, E extends DomainEvent>(
  store: EventStore,
  decision: StreamDecision<S, E>,
): Promise<DecidedState<S> | undefined> {
  const snapshots = snapshotsOf(store);
  const { foldName: fold, snapshot: codec } = decision;
  if (snapshots === undefined || fold === undefined || codec === undefined) return undefined;
  const snapshot = await snapshots.readSnapshot(decision.stream, fold);
  const state = snapshot === undefined ? undefined : decoded(codec, snapshot);
  if (snapshot === undefined || state === undefined) return undefined;
  // Reading from the snapshot's own event checks it is still there, and its hash chains the next append.
  const events = store.readStream(decision.stream, { fromRevision: snapshot.revision })[Symbol.asyncIterator]();
  const first = await events.next();
  if (first.done === true || first.value.revision !== snapshot.revision || first.value.id !== snapshot.eventId) {
    await events.return?.();
    return undefined;
  }
  const start = {
    state,
    last: first.value,
    commandIds: new Set<string>(),
    commandIdsFrom: snapshot.revision + 1n,
    snapshotRevision: snapshot.revision,
  };
  return foldOn(decision, start, events);
}

const decoded = <S>(codec: SnapshotCodec<S>, snapshot: StreamSnapshot): S | undefined => {
  try {
    return codec.decode(snapshot.state, snapshot.version);
  } catch {
    // A snapshot that does not decode is ignored like one of an unknown version: the events still hold.
    return undefined;
  }
};

async function foldOn<S, E extends DomainEvent>(
  decision: StreamDecision<S, E>,
  from: DecidedState<S>,
  events: AsyncIterator<RecordedEvent>,
): Promise<DecidedState<S>> {
  let { state, last } = from;
  const commandIds = from.commandIds as Set<string>;
  for (let next = await events.next(); next.done !== true; next = await events.next()) {
    const event = next.value;
    state = decision.evolve(state, event as unknown as E);
    last = event;
    if (typeof event.metadata.commandId === 'string') commandIds.add(event.metadata.commandId);
  }
  return { ...from, state, last, commandIds };
}
