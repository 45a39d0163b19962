import type { EventStore, RecordedEvent } from '../event-store.port';
import type { CommandEnvelope } from './command-envelope';
import { CommandIdReusedError } from './command-handling.errors';
import type { DecidedState, DecidedStateCache } from './decided-state.cache';
import { cacheFor, chain, oneAtATime, revisionApplied, type DomainEvent, type StreamDecision } from './handle-command';
import { loadStreamState } from './stream-state';

/** What one command of a sequence would do: its events, nothing (already recorded), or its refusal. */
export type SequencedDecision<E extends DomainEvent> =
  | { readonly outcome: 'accepted'; readonly events: readonly E[] }
  | { readonly outcome: 'already-recorded' }
  | { readonly outcome: 'refused'; readonly error: unknown };

export interface DecideInSequenceOptions {
  readonly now: () => Date;
  /** Which thrown errors are the command's own refusal (reported, and the next command decided); any other is rethrown. */
  readonly isRefusal: (error: unknown) => boolean;
  readonly cache?: DecidedStateCache;
}

export interface SequencedCommand<S, E extends DomainEvent> {
  readonly decision: StreamDecision<S, E>;
  readonly envelope: CommandEnvelope;
}

/**
 * Decides commands on one stream one after another, each on the state the earlier accepted ones would
 * leave, and appends nothing: a check of a batch before it is recorded. The state, the command ids
 * already recorded, the hash chain and the fold are handleCommand's own, so a command is accepted here
 * exactly when handleCommand would append it now, after the earlier ones. A refused command does not
 * stop the others; it is simply left out of the state the next one is decided on.
 */
export async function decideInSequence<S, E extends DomainEvent>(
  store: EventStore,
  commands: ReadonlyArray<SequencedCommand<S, E>>,
  options: DecideInSequenceOptions,
): Promise<Array<SequencedDecision<E>>> {
  if (commands.length === 0) return [];
  const fold = commands[0].decision;
  if (commands.some(({ decision }) => decision.stream !== fold.stream || decision.foldName !== fold.foldName)) {
    // A caller's mistake, not a command's refusal: one state cannot be folded two ways.
    throw new Error(`decideInSequence: every command must be on ${fold.stream} with the fold ${fold.foldName ?? '(unnamed)'}`);
  }
  // In the stream's queue, so the state read is not half-way through another command's append.
  return oneAtATime(store, fold.stream, async () => {
    const loaded = await loadStreamState(store, fold, options.cache ?? cacheFor(store));
    let { state, last } = loaded;
    const hashes = await recordedCommandHashes(store, fold.stream, commands.map(({ envelope }) => envelope.commandId), loaded);
    const decided: Array<SequencedDecision<E>> = [];
    for (const { decision, envelope } of commands) {
      const recordedHash = hashes.get(envelope.commandId);
      if (recordedHash !== undefined) {
        decided.push(
          recordedHash === envelope.commandHash
            ? { outcome: 'already-recorded' }
            : { outcome: 'refused', error: new CommandIdReusedError(envelope.commandId, `it was first used on ${fold.stream} with another body`) },
        );
        continue;
      }
      let events: readonly E[];
      try {
        events = decision.decide(state);
      } catch (error) {
        if (!options.isRefusal(error)) throw error;
        decided.push({ outcome: 'refused', error });
        continue;
      }
      // Folded as the store would hand them back (metadata included: the actor counts for separation of
      // duties). The position is the store's to give; -1 marks it as not yet appended.
      for (const event of chain(events, envelope, last, options.now())) {
        const recorded: RecordedEvent = {
          ...event,
          stream: fold.stream,
          revision: last === undefined ? 0n : last.revision + 1n,
          position: -1n,
          recordedAt: String(event.metadata.recordedAt),
        };
        state = fold.evolve(state, recorded as unknown as E);
        last = recorded;
      }
      hashes.set(envelope.commandId, envelope.commandHash);
      decided.push({ outcome: 'accepted', events });
    }
    return decided;
  });
}

/**
 * The body hash each of these command ids was first recorded with on the stream, for those already
 * there: the ids folded since the snapshot (or the start) in one read from there, and any older than a
 * snapshot by their first event's place, as handleCommand finds a retry.
 */
async function recordedCommandHashes(
  store: EventStore,
  stream: string,
  commandIds: readonly string[],
  loaded: DecidedState<unknown>,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const folded = new Set(commandIds.filter((id) => loaded.commandIds.has(id)));
  if (folded.size > 0) {
    for await (const event of store.readStream(stream, { fromRevision: loaded.commandIdsFrom })) {
      const id = event.metadata.commandId;
      if (typeof id === 'string' && folded.has(id) && !hashes.has(id)) hashes.set(id, String(event.metadata.commandHash));
    }
  }
  for (const id of new Set(commandIds.filter((id) => !folded.has(id)))) {
    const from = await revisionApplied(store, stream, loaded, id);
    if (from === undefined) continue;
    for await (const event of store.readStream(stream, { fromRevision: from })) {
      hashes.set(id, String(event.metadata.commandHash));
      break;
    }
  }
  return hashes;
}
