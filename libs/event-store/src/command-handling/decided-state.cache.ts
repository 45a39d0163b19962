import type { RecordedEvent } from '../event-store.port';

/** A stream's folded state as of its last event, and the command ids that stream has already applied. */
export interface DecidedState<S> {
  readonly state: S;
  /** The last event folded in: its revision is where the next read starts, its hash the next prevHash. */
  readonly last: RecordedEvent | undefined;
  readonly commandIds: ReadonlySet<string>;
  /**
   * commandIds holds the id of every command at or after this revision: 0n when the stream was folded
   * from its start, the snapshot's next revision when it was loaded from one.
   */
  readonly commandIdsFrom: bigint;
  /** The revision of the newest snapshot kept (or read) of this state's stream, if any. */
  readonly snapshotRevision: bigint | undefined;
}

/**
 * A bounded, least-recently-used cache of decided states, keyed by fold and stream. It never has to be
 * invalidated: streams only grow, so a cached state is still true of the revision it names, and the
 * command reads only the events after it. A write from another process shows up in that read, or, if
 * it lands between read and append, as a revision conflict, after which the entry is dropped.
 */
export class DecidedStateCache {
  private readonly entries = new Map<string, DecidedState<unknown>>();

  constructor(readonly capacity = 1_000) {}

  get<S>(fold: string, stream: string): DecidedState<S> | undefined {
    const key = `${fold}\u0000${stream}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Re-inserting marks it most recently used: a Map iterates in insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry as DecidedState<S>;
  }

  set<S>(fold: string, stream: string, entry: DecidedState<S>): void {
    const key = `${fold}\u0000${stream}`;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  drop(fold: string, stream: string): void {
    this.entries.delete(`${fold}\u0000${stream}`);
  }

  get size(): number {
    return this.entries.size;
  }
}
