import {
  ANY,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ExpectedRevision as EsdbExpectedRevision,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import type { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';

/**
 * The translation between the port and @eventstore/db-client, kept free of I/O so that every rule the
 * adapter relies on is specified without a server.
 */

/**
 * The port's expected revision is EventStoreDB's own, so the mapping is one to one. `-1n` is accepted as
 * `no_stream` because that is how EventStoreDB (and its client's failure results) spell "no stream yet";
 * anything lower is a caller's bug, not a concurrency outcome.
 */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): EsdbExpectedRevision => {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream' || expected === -1n) return NO_STREAM;
  if (expected < -1n) {
    throw new RangeError(`expected revision must be 'no_stream', 'any' or a revision >= 0, got ${expected}`);
  }
  return expected;
};

/** A message fit for an operator; the client's own messages sometimes carry nothing but a gRPC code. */
const describeCause = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  // The client's errors keep the generic name 'Error'; their class says what happened.
  const name = error.name === 'Error' ? error.constructor.name : error.name;
  return error.message === '' ? name : `${name}: ${error.message}`;
};

/**
 * Every failure of a client call, in the port's terms: a concurrency conflict stays a conflict, errors
 * already in the port's terms pass through, and everything else (connection refused, deadline,
 * not-leader, access denied, a deleted stream) means the store did not give a domain answer.
 */
export const translateStoreError = (
  error: unknown,
  operation: string,
  append?: { readonly stream: string; readonly expected: ExpectedRevision },
): Error => {
  if (error instanceof WrongExpectedRevisionError || error instanceof EventStoreUnavailableError) return error;
  if (error instanceof WrongExpectedVersionError && append !== undefined) {
    return new WrongExpectedRevisionError(append.stream, append.expected, error.actualVersion);
  }
  return new EventStoreUnavailableError(`EventStoreDB ${operation} failed: ${describeCause(error)}`, error);
};

/** A missing stream reads as empty in the port; EventStoreDB reports it as an error. */
export const isStreamNotFound = (error: unknown): boolean => error instanceof StreamNotFoundError;

/**
 * The port's global position is EventStoreDB's commit position. Events appended through gRPC are
 * implicitly committed, so each has its own commit position equal to its prepare position; the pair
 * (p, p) therefore names exactly the event at p. Anything before the first event reads from the start.
 */
export const toReadPosition = (position: bigint | undefined): ReadPosition =>
  position === undefined || position <= 0n ? START : { commit: position, prepare: position };

/**
 * The commit position of a recorded event: from the event itself (servers from 22.6 report it on every
 * read) or else from the read's commit position. A server that reports neither cannot serve this port.
 */
export const globalPositionOf = (event: { readonly position?: Position }, commitPosition?: bigint): bigint => {
  const position = event.position?.commit ?? commitPosition;
  if (position === undefined) {
    throw new EventStoreUnavailableError(
      'EventStoreDB did not report event positions; fundledger needs EventStoreDB 22.6 or later',
    );
  }
  return position;
};

/** EventStoreDB's own streams (`$…`) and event types (`$…`, links `$>`) never reach the ledger. */
/** Where the adapter keeps signed checkpoints: beside the ledger's events, never read as one of them. */
export const KEPT_CHECKPOINTS_STREAM = 'fundledger-kept-checkpoints';

export const isSystemEvent = (event: { readonly streamId: string; readonly type: string }): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$') || event.streamId === KEPT_CHECKPOINTS_STREAM;

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Data and metadata are JSON objects in the port. Events written by fundledger arrive parsed by the
 * client; bytes (an event another tool wrote as binary) are parsed here, so that a foreign event is
 * either understood or refused with its id, never passed on half-read. The client hands back a string
 * only when an event's JSON did not parse, so a string is refused.
 */
export const toJsonObject = (value: unknown, what: string, eventId: string): JsonObject => {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value).toString('utf8');
    if (text.length === 0) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`event ${eventId}: ${what} is not JSON`);
    }
    if (isPlainObject(parsed)) return parsed;
  }
  throw new Error(`event ${eventId}: ${what} is not a JSON object`);
};

export const toRecordedEvent = (event: EsdbRecordedEvent, position: bigint): RecordedEvent => ({
  id: event.id,
  stream: event.streamId,
  type: event.type,
  data: toJsonObject(event.data, 'data', event.id),
  metadata: toJsonObject(event.metadata, 'metadata', event.id),
  revision: event.revision,
  position,
  recordedAt: event.created.toISOString(),
});
