import type { PoolClient } from 'pg';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store.port';
import { firstRepeatedId, isRetryOfSameAppend, isSatisfied } from '../sqlite/sqlite-append';
import type { RecordedPlace } from '../sqlite/sqlite-event-log';
import { APPEND_LOCK, APPENDED_CHANNEL } from './postgres-migrations';

export interface PostgresAppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly recordedAt: string;
  /** Test seam: runs inside the transaction after the rows are written, before COMMIT. */
  readonly beforeCommit?: () => Promise<void>;
}

/**
 * Appends all of the request's events or none, with the same checks in the same order as the SQLite
 * store. The transaction first takes APPEND_LOCK, an advisory lock held until it commits: positions
 * are handed out only under it, so transactions commit in position order and no reader can ever see
 * position n+1 while n is still in flight (the gap problem a sequence has, since its values are taken
 * before commit and commits then race). PostgreSQL makes a commit visible before it releases the
 * transaction's locks, so the next appender's MAX(position) always sees the previous one's rows.
 * The price is one append at a time across the store; the ledger's write rate is far below it.
 */
export const appendInPostgresTransaction = async (
  client: PoolClient,
  request: PostgresAppendRequest,
): Promise<AppendResult> => {
  if (request.events.length === 0) {
    throw new RangeError(
      `append to stream ${request.stream}: no events given; skip the append when there is nothing to record`,
    );
  }
  const repeated = firstRepeatedId(request.events);
  if (repeated !== undefined) throw new DuplicateEventIdError(request.stream, repeated);
  const ids = request.events.map(({ id }) => id);

  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const result = await checkAndWrite(client, request, ids);
    if ('written' in result) {
      await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, result.position.toString()]);
      await request.beforeCommit?.();
    }
    await client.query('COMMIT');
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};

const checkAndWrite = async (
  client: PoolClient,
  request: PostgresAppendRequest,
  ids: readonly string[],
): Promise<AppendResult & { written?: true }> => {
  const { stream, expectedRevision } = request;
  const places = await client.query<{ id: string; stream: string; revision: string; position: string }>(
    'SELECT id, stream, revision, position FROM events WHERE id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(places.rows.map((row) => [row.id, row]));
  const recorded: RecordedPlace[] = ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [{ id, stream: row.stream, revision: BigInt(row.revision), position: BigInt(row.position) }];
  });
  if (recorded.length === ids.length && isRetryOfSameAppend(stream, expectedRevision, recorded)) {
    const last = recorded[recorded.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  const last = await client.query<{ revision: string | null }>(
    'SELECT MAX(revision) AS revision FROM events WHERE stream = $1',
    [stream],
  );
  const lastRevision = last.rows[0]?.revision;
  const actual = lastRevision === null || lastRevision === undefined ? 'no_stream' : BigInt(lastRevision);
  if (!isSatisfied(expectedRevision, actual)) throw new WrongExpectedRevisionError(stream, expectedRevision, actual);
  // Checked after the revision so that a stale writer always hears the retryable conflict first.
  if (recorded.length > 0) throw new DuplicateEventIdError(stream, recorded[0]!.id);

  const head = await client.query<{ head: string }>('SELECT COALESCE(MAX(position), 0) AS head FROM events');
  const firstPosition = BigInt(head.rows[0]!.head) + 1n;
  const firstRevision = actual === 'no_stream' ? 0n : actual + 1n;
  const count = request.events.length;
  await client.query(
    `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at)
     SELECT p, i, $3, r, t, d::json, m::json, $4
       FROM unnest($1::bigint[], $2::text[], $5::bigint[], $6::text[], $7::text[], $8::text[]) AS e(p, i, r, t, d, m)`,
    [
      request.events.map((_, index) => (firstPosition + BigInt(index)).toString()),
      ids,
      stream,
      request.recordedAt,
      request.events.map((_, index) => (firstRevision + BigInt(index)).toString()),
      request.events.map(({ type }) => type),
      request.events.map(({ data }) => JSON.stringify(data)),
      request.events.map(({ metadata }) => JSON.stringify(metadata)),
    ],
  );
  return {
    nextExpectedRevision: firstRevision + BigInt(count - 1),
    position: firstPosition + BigInt(count - 1),
    written: true,
  };
};
