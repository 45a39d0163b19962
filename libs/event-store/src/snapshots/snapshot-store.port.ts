import type { EventStore, JsonValue } from '../event-store.port';

/**
 * A stream's folded state as of one of its events, kept beside the log so that a cold command reads
 * the snapshot and the events after it rather than the whole stream. A cache, never a record: it is no
 * event, no Merkle leaf, not exported, not copied by `migrate`, and deleting every snapshot is safe.
 */
export interface StreamSnapshot {
  readonly stream: string;
  /** The fold's name (StreamDecision.foldName): one stream can be folded several ways. */
  readonly fold: string;
  /** The revision of the last event folded into the state. */
  readonly revision: bigint;
  /** That event's id: a snapshot whose event is not at that revision was taken of another history. */
  readonly eventId: string;
  /** The fold's snapshot schema version (SnapshotCodec.version) the state was encoded with. */
  readonly version: number;
  readonly state: JsonValue;
}

/** Where an event sits: enough to answer a retried command that is older than the snapshot. */
export interface EventPlace {
  readonly stream: string;
  readonly revision: bigint;
}

/**
 * What a store offers besides the port to load streams from snapshots. SQLite and PostgreSQL keep them
 * in a table beside the events; EventStoreDB does not, and its streams are folded from the start (the
 * decided-state cache still spares the warm commands).
 */
export interface SnapshotStore {
  /** Take a snapshot every this many events of a stream; 0 never takes one. */
  readonly snapshotEvery: number;
  readSnapshot(stream: string, fold: string): Promise<StreamSnapshot | undefined>;
  /** Replaces the stream's snapshot of that fold, whatever its revision: the newest writer wins. */
  keepSnapshot(snapshot: StreamSnapshot): Promise<void>;
  /** Looks an event up by its id, wherever it is in the log. */
  placeOfEvent(id: string): Promise<EventPlace | undefined>;
}

export const DEFAULT_SNAPSHOT_EVERY = 500;

/** The store's snapshots, when it keeps any (a wrapper made with Object.create keeps its target's). */
export const snapshotsOf = (store: EventStore): SnapshotStore | undefined => {
  const candidate = store as Partial<SnapshotStore>;
  return typeof candidate.readSnapshot === 'function' &&
    typeof candidate.keepSnapshot === 'function' &&
    typeof candidate.placeOfEvent === 'function' &&
    typeof candidate.snapshotEvery === 'number'
    ? (store as unknown as SnapshotStore)
    : undefined;
};

/**
 * How one fold's state is written into a snapshot and read back, versioned like events: a snapshot of
 * another version is upcast by decode or refused (undefined), and then the stream is folded from the
 * start. decode must give exactly the state the fold would have reached (amounts exact, maps whole).
 */
export interface SnapshotCodec<S> {
  readonly version: number;
  readonly encode: (state: S) => JsonValue;
  readonly decode: (stored: JsonValue, version: number) => S | undefined;
}
