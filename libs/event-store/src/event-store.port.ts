/**
 * The one port every event store adapter implements. Its semantics mirror EventStoreDB's so that the
 * embedded SQLite store and the production store behave alike under the same contract suite:
 * - revisions are 0-based per stream; positions are global, strictly increasing, not necessarily dense;
 * - an append is atomic (all events or none) and checked against an expected revision;
 * - re-appending events whose ids already sit in the stream at that place is a no-op that succeeds.
 */

import type { TreeHead } from './merkle/tree-head';

/** JSON-serialisable payload stored with an event. Money inside is always a fixed-scale string. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * `no_stream`: the stream must not exist yet. `any`: no check. A bigint: the revision of the last
 * event in the stream as the writer read it (EventStoreDB's `expectedRevision`).
 */
export type ExpectedRevision = 'no_stream' | 'any' | bigint;

export interface EventToAppend {
  /** A UUID, unique across the whole store; it is what makes a retried append idempotent. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** Global position in the log (SQLite: a sequence; EventStoreDB: the commit position). */
  readonly position: bigint;
  /** ISO-8601 instant at which the store recorded the event. */
  readonly recordedAt: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: the expected revision for the next append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event of this append. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive; defaults to 0. */
  readonly fromRevision?: bigint;
}

export interface ReadAllOptions {
  /** Inclusive; defaults to the start of the log. */
  readonly fromPosition?: bigint;
  /** Inclusive; defaults to the end of the log as it stands when reading starts. */
  readonly toPosition?: bigint;
}

export interface SubscribeToAllOptions {
  /**
   * A checkpoint: delivery starts with the first event strictly after this position, as in
   * EventStoreDB's subscribeToAll. Omitted: from the start of the log.
   */
  readonly fromPosition?: bigint;
}

/** Catches up from the checkpoint, then delivers new events live, in order, until stopped. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Events of every stream in global order; store-internal (system) events are never included. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event in the log, or -1n when the log is empty. */
  headPosition(): Promise<bigint>;
  /**
   * The Merkle tree head (RFC 9162) over every event at or before `position`, in position order; the
   * whole log when omitted. What receipts, certificates and returns anchor themselves to.
   */
  treeHeadAt(position?: bigint): Promise<TreeHead>;
  /**
   * Keeps a signed checkpoint (opaque to the store) of the log up to `lastPosition`, beside the log and
   * outside it (it is no event and no leaf). Insert-only: keeping one for a position already kept is a
   * no-op. Whoever can edit the store cannot forge its signature, only remove it, which verify notices.
   */
  keepCheckpoint(lastPosition: bigint, checkpoint: JsonObject): Promise<void>;
  /** The checkpoint kept for exactly `lastPosition`, if any. */
  keptCheckpoint(lastPosition: bigint): Promise<JsonObject | undefined>;
  /** Resolves when the store answers; used by the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
