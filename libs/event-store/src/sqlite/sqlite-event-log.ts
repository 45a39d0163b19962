import type { Database, Statement } from 'better-sqlite3';
import type { JsonObject, RecordedEvent } from '../event-store.port';

export interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export interface RecordedPlace {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export interface RowToInsert {
  /** Allocated by nextPosition() inside the append's write lock. */
  readonly position: bigint;
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
  /** The Merkle tree head after this event (sqlite-merkle-tree.ts), on the last event of an append. */
  readonly merkleHead: Buffer | null;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  type: row.type,
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  revision: row.revision,
  position: row.position,
  recordedAt: row.recorded_at,
});

export const columns = 'position, id, stream, revision, type, data, metadata, recorded_at';

/**
 * The events table behind prepared statements. Every method is one short statement run to completion,
 * so reads hold no cursor open between pages and never block the connection's next write.
 * Integers are read as bigint (safeIntegers) because positions and revisions are bigint in the port.
 */
export class SqliteEventLog {
  private readonly streamPageQuery: Statement<[string, bigint, number], EventRow>;
  private readonly allPageQuery: Statement<[bigint, bigint, number], EventRow>;
  private readonly headQuery: Statement<[], bigint>;
  private readonly lastRevisionQuery: Statement<[string], bigint | null>;
  private readonly placeQuery: Statement<[string], RecordedPlace>;
  private readonly insertStatement: Statement<[RowToInsert]>;
  private readonly nextPositionQuery: Statement<[], bigint>;

  constructor(db: Database) {
    this.streamPageQuery = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true);
    this.allPageQuery = db
      .prepare<[bigint, bigint, number], EventRow>(
        `SELECT ${columns} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true);
    this.headQuery = db
      .prepare<[], bigint>('SELECT COALESCE(MAX(position), -1) FROM events')
      .pluck()
      .safeIntegers(true);
    this.lastRevisionQuery = db
      .prepare<[string], bigint | null>('SELECT MAX(revision) FROM events WHERE stream = ?')
      .pluck()
      .safeIntegers(true);
    this.placeQuery = db
      .prepare<[string], RecordedPlace>('SELECT id, stream, revision, position FROM events WHERE id = ?')
      .safeIntegers(true);
    this.insertStatement = db.prepare<[RowToInsert]>(
      `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at, merkle_head)
       VALUES (@position, @id, @stream, @revision, @type, @data, @metadata, @recordedAt, @merkleHead)`,
    ).safeIntegers(true);
    // What AUTOINCREMENT would give: above every position ever used, even by rows no longer in a copy.
    this.nextPositionQuery = db
      .prepare<[], bigint>(
        `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), COALESCE((SELECT MAX(position) FROM events), 0)) + 1`,
      )
      .pluck()
      .safeIntegers(true);
  }

  streamPage(stream: string, fromRevision: bigint, limit: number): RecordedEvent[] {
    return this.streamPageQuery.all(stream, fromRevision, limit).map(toRecordedEvent);
  }

  allPage(fromPosition: bigint, toPosition: bigint, limit: number): RecordedEvent[] {
    return this.allPageQuery.all(fromPosition, toPosition, limit).map(toRecordedEvent);
  }

  /** Position of the last event, or -1n for an empty log. */
  head(): bigint {
    return this.headQuery.get() ?? -1n;
  }

  lastRevision(stream: string): bigint | 'no_stream' {
    return this.lastRevisionQuery.get(stream) ?? 'no_stream';
  }

  placeOf(id: string): RecordedPlace | undefined {
    return this.placeQuery.get(id);
  }

  /**
   * The position the next inserted event takes. Known before the insert because the event's Merkle leaf
   * commits to it and the append's tree head is written in the same row; call inside the write lock.
   */
  nextPosition(): bigint {
    return this.nextPositionQuery.get()!;
  }

  insert(row: RowToInsert): void {
    this.insertStatement.run(row);
  }
}
