import { v5 as uuidv5 } from 'uuid';
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '../event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { computeEventHash, GENESIS_HASH } from '../chain/event-chain';
import type { TreeHead } from '../merkle/tree-head';
import type { CommandEnvelope } from './command-envelope';
import { CommandIdReusedError, ConcurrencyConflictError } from './command-handling.errors';
import { snapshotsOf, type SnapshotCodec } from '../snapshots/snapshot-store.port';
import { DecidedStateCache, type DecidedState } from './decided-state.cache';
import { keepSnapshotIfDue, loadStreamState } from './stream-state';

/**
 * Bumped when an event's stored shape changes, so old events can be upcast on read (the domain's
 * toAwardEvent). 2: every financial event carries its business date.
 */
export const EVENT_SCHEMA_VERSION = 2;

/** Event ids derive from the command id, so a retried command re-appends the same ids and the store dedupes it. */
const EVENT_ID_NAMESPACE = '4c1f3a9e-7d3b-5b8e-9a61-2f0d6c8e1b47';

export interface DomainEvent {
  readonly type: string;
  readonly data: JsonObject;
}

export interface StreamDecision<S, E extends DomainEvent> {
  readonly stream: string;
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
  /**
   * Names the fold (initialState + evolve) when it depends on nothing but the events, so its result
   * can be cached per stream and only newer events folded on. Omitted: the stream is folded afresh.
   */
  readonly foldName?: string;
  /** How a named fold's state is kept in a snapshot every N events; omitted, the fold is never snapshotted. */
  readonly snapshot?: SnapshotCodec<S>;
  /** Pure: the events the command produces on this state, or a thrown domain error. */
  readonly decide: (state: S) => readonly E[];
}

export interface CommandOutcome {
  readonly stream: string;
  readonly events: ReadonlyArray<{ id: string; type: string; data: JsonObject; metadata: JsonObject; revision: bigint }>;
  readonly nextExpectedRevision: bigint;
  readonly position: bigint;
  /** The Merkle tree head of the log up to `position`: what the receipt anchors the command to. */
  readonly treeHead: TreeHead;
  /** True when this answers a retry of a command already applied: nothing new was written. */
  readonly replayed: boolean;
}

export interface HandleCommandOptions {
  readonly now: () => Date;
  readonly maxAttempts?: number;
  /** Waits before a retry; the default backs off with jitter so racing writers stop colliding. */
  readonly backoff?: (attempt: number) => Promise<void>;
  /** Where folded states are kept between commands; defaults to one cache per store. */
  readonly cache?: DecidedStateCache;
}

const jitteredBackoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));

/**
 * Load, decide, append with the revision read; on a concurrent write, decide again on fresh state,
 * a bounded number of times. A command id already in the stream is answered with its first outcome.
 * Within one process, commands on one stream run one at a time, so only other processes' writes can
 * conflict; those are met by the optimistic check and retried with backoff.
 */
export async function handleCommand<S, E extends DomainEvent>(
  store: EventStore,
  decision: StreamDecision<S, E>,
  envelope: CommandEnvelope,
  options: HandleCommandOptions,
): Promise<CommandOutcome> {
  const outcome = await oneAtATime(store, decision.stream, () => decideAndAppend(store, decision, envelope, options));
  // Read after the append, at its own position: later appends by others do not change this head.
  return { ...outcome, treeHead: await store.treeHeadAt(outcome.position) };
}

type DecidedOutcome = Omit<CommandOutcome, 'treeHead'>;

async function decideAndAppend<S, E extends DomainEvent>(
  store: EventStore,
  decision: StreamDecision<S, E>,
  envelope: CommandEnvelope,
  options: HandleCommandOptions,
): Promise<DecidedOutcome> {
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? jitteredBackoff;
  const cache = options.cache ?? cacheFor(store);
  let loaded: DecidedState<S> | undefined;
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (attempt > 1) await backoff(attempt);
      loaded = await loadStreamState(store, decision, cache);
      const { state, last } = loaded;
      const appliedFrom = await revisionApplied(store, decision.stream, loaded, envelope.commandId);
      if (appliedFrom !== undefined) {
        const history = await readAll(store.readStream(decision.stream, { fromRevision: appliedFrom }));
        return replay(decision.stream, history.filter((event) => event.metadata.commandId === envelope.commandId), envelope);
      }
      const decided = decision.decide(state);
      const toAppend = chain(decided, envelope, last, options.now());
      try {
        const result = await store.append(decision.stream, toAppend, {
          expectedRevision: last ? last.revision : 'no_stream',
        });
        const firstRevision = result.nextExpectedRevision - BigInt(toAppend.length) + 1n;
        return {
          stream: decision.stream,
          events: toAppend.map((event, i) => ({ ...event, revision: firstRevision + BigInt(i) })),
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position,
          replayed: false,
        };
      } catch (error) {
        if (error instanceof DuplicateEventIdError) {
          throw new CommandIdReusedError(envelope.commandId, `its events are already recorded outside ${decision.stream}`);
        }
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // Another writer got in first; should the stream not be what the cache says, reload it whole.
        if (decision.foldName !== undefined) cache.drop(decision.foldName, decision.stream);
      }
    }
  } finally {
    // After the append has committed or been refused, never before: the snapshot is of committed events.
    if (loaded !== undefined) await keepSnapshotIfDue(store, decision, loaded, cache);
  }
  throw new ConcurrencyConflictError(decision.stream, maxAttempts);
}

/**
 * Where the command's events start, if the stream already holds them: a retry, answered with its first
 * outcome. The ids gathered while folding cover every command after a snapshot; one older than that is
 * found by its first event's id, which derives from the command id.
 */
export async function revisionApplied(
  store: EventStore,
  stream: string,
  loaded: DecidedState<unknown>,
  commandId: string,
): Promise<bigint | undefined> {
  if (loaded.commandIds.has(commandId)) return 0n;
  const snapshots = loaded.commandIdsFrom > 0n ? snapshotsOf(store) : undefined;
  if (snapshots === undefined) return undefined;
  const place = await snapshots.placeOfEvent(eventIdOf(commandId, 0));
  // In another stream, the append refuses it as a reused command id.
  return place?.stream === stream ? place.revision : undefined;
}

const eventIdOf = (commandId: string, index: number): string => uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);

const caches = new WeakMap<EventStore, DecidedStateCache>();

export function cacheFor(store: EventStore): DecidedStateCache {
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = new DecidedStateCache();
    caches.set(store, cache);
  }
  return cache;
}

/** The last queued command of each stream, per store: the next one for that stream waits for it. */
const queues = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

export function oneAtATime<T>(store: EventStore, stream: string, work: () => Promise<T>): Promise<T> {
  let byStream = queues.get(store);
  if (byStream === undefined) {
    byStream = new Map();
    queues.set(store, byStream);
  }
  const streams = byStream;
  const run = (streams.get(stream) ?? Promise.resolve()).then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  streams.set(stream, settled);
  void settled.then(() => {
    if (streams.get(stream) === settled) streams.delete(stream);
  });
  return run;
}

/** The events as they would be appended after `last`: ids from the command id, metadata, hash chain. */
export function chain(
  events: readonly DomainEvent[],
  envelope: CommandEnvelope,
  last: RecordedEvent | undefined,
  now: Date,
): EventToAppend[] {
  let prevHash = last ? String(last.metadata.hash ?? '') : GENESIS_HASH;
  return events.map((event, index) => {
    const metadata: JsonObject = {
      commandId: envelope.commandId,
      commandHash: envelope.commandHash,
      correlationId: envelope.correlationId ?? envelope.commandId,
      causationId: envelope.causationId ?? envelope.commandId,
      actor: { id: envelope.actor.id, role: envelope.actor.role },
      recordedAt: now.toISOString(),
      schemaVersion: EVENT_SCHEMA_VERSION,
      prevHash,
    };
    const hash = computeEventHash(event.type, event.data, metadata);
    prevHash = hash;
    return {
      id: eventIdOf(envelope.commandId, index),
      type: event.type,
      data: event.data,
      metadata: { ...metadata, hash },
    };
  });
}

function replay(stream: string, earlier: RecordedEvent[], envelope: CommandEnvelope): DecidedOutcome {
  if (earlier[0].metadata.commandHash !== envelope.commandHash) {
    throw new CommandIdReusedError(envelope.commandId, `it was first used on ${stream} with another body`);
  }
  const last = earlier[earlier.length - 1];
  return {
    stream,
    events: earlier.map(({ id, type, data, metadata, revision }) => ({ id, type, data, metadata, revision })),
    nextExpectedRevision: last.revision,
    position: last.position,
    replayed: true,
  };
}

async function readAll(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const collected: RecordedEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}
