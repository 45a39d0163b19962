import type { Database } from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store.port';
import type { LeafedEvent } from '../merkle/event-leaf';
import type { RecordedPlace, RowToInsert, SqliteEventLog } from './sqlite-event-log';
import type { AppendTreeKeeper } from './sqlite-merkle-tree';

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly recordedAt: string;
}

interface RowToWrite extends Omit<RowToInsert, 'revision' | 'position' | 'merkleHead'> {
  readonly event: EventToAppend;
}

/** An append made ready before the write lock: its rows serialised and its events' content hashed. */
export interface PreparedAppend {
  readonly request: AppendRequest;
  readonly rows: readonly RowToWrite[];
  readonly contentHashes: readonly string[];
}

/**
 * Checks what needs no lock and does the work that needs none (JSON, canonical JSON and hashing), so a
 * large payload does not lengthen the time others wait; only the leaf hash, which needs the position,
 * is left for inside the lock.
 */
export const prepareAppend = (request: AppendRequest, tree: AppendTreeKeeper): PreparedAppend => {
  // An empty append has no revision or position to report for a stream that does not exist yet, and
  // a command that decides nothing has nothing to record: the caller must skip the append instead.
  if (request.events.length === 0) {
    throw new RangeError(
      `append to stream ${request.stream}: no events given; skip the append when there is nothing to record`,
    );
  }
  const repeated = firstRepeatedId(request.events);
  if (repeated !== undefined) throw new DuplicateEventIdError(request.stream, repeated);
  const rows = request.events.map(
    (event): RowToWrite => ({
      event,
      id: event.id,
      stream: request.stream,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: request.recordedAt,
    }),
  );
  return { request, rows, contentHashes: tree.prepare(request.events) };
};

/**
 * The revision check, the inserts and the tree head, inside a transaction begun with BEGIN IMMEDIATE:
 * that takes SQLite's single write lock before the stream's revision is read, so the check and the
 * inserts are one step for every connection and process sharing the file (two writers that read the
 * same revision cannot both pass), and the tree grows from the head every earlier append left.
 */
export const checkAndWrite = (log: SqliteEventLog, tree: AppendTreeKeeper, prepared: PreparedAppend): AppendResult => {
  const { request, rows, contentHashes } = prepared;
  const { stream, expectedRevision } = request;
  const recorded = rows.map((row) => log.placeOf(row.id)).filter((place) => place !== undefined);
  if (recorded.length === rows.length && isRetryOfSameAppend(stream, expectedRevision, recorded)) {
    const last = recorded[recorded.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  const actual = log.lastRevision(stream);
  if (!isSatisfied(expectedRevision, actual)) {
    throw new WrongExpectedRevisionError(stream, expectedRevision, actual);
  }
  // Checked after the revision so that a stale writer always hears the retryable conflict first.
  if (recorded.length > 0) throw new DuplicateEventIdError(stream, recorded[0]!.id);

  const firstRevision = actual === 'no_stream' ? 0n : actual + 1n;
  const firstPosition = log.nextPosition();
  const placed = rows.map(({ event }, i): LeafedEvent => ({
    ...event,
    stream,
    revision: firstRevision + BigInt(i),
    position: firstPosition + BigInt(i),
  }));
  // The tree head after the append rides in its last event's row: no page written beyond the events'.
  const head = tree.headAfter(placed, contentHashes);
  rows.forEach(({ event: _event, ...row }, i) => {
    const { revision, position } = placed[i]!;
    log.insert({ ...row, revision, position, merkleHead: i === rows.length - 1 ? head : null });
  });
  const last = placed[placed.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
};

/** Mirrors EventStoreDB: `no_stream` needs an empty stream, a revision needs exactly that last revision. */
export const isSatisfied = (expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean =>
  expected === 'any' || expected === actual;

/**
 * A retry of an append that already succeeded (its answer was lost, or a command was resubmitted):
 * every id sits in this stream, consecutively, starting where the original append was aimed.
 */
export const isRetryOfSameAppend = (
  stream: string,
  expected: ExpectedRevision,
  recorded: readonly RecordedPlace[],
): boolean => {
  const first = recorded[0]!.revision;
  const consecutiveHere = recorded.every(
    (place, index) => place.stream === stream && place.revision === first + BigInt(index),
  );
  if (!consecutiveHere) return false;
  if (expected === 'any') return true;
  return first === (expected === 'no_stream' ? 0n : expected + 1n);
};

export const firstRepeatedId = (events: readonly EventToAppend[]): string | undefined => {
  const seen = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
};

/**
 * SQLite ends a transaction by itself after some failures (a full disk, an I/O error), so ROLLBACK is
 * issued only while one is still open; a rollback that fails must not hide the error that caused it.
 */
export const rollBack = (db: Database): void => {
  if (!db.inTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // The original error is the one the caller can act on; closing the connection discards the rest.
  }
};
