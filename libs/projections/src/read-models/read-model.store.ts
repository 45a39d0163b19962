import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '@fundledger/event-store';

/**
 * Bump when the tables change shape. A file at another version, or whose rows were written in another
 * view format (the codec's version), is emptied and rebuilt from the log: the read model is a cache,
 * never a source of truth.
 */
export const READ_MODEL_SCHEMA_VERSION = 2;

/** One persisted view: an award's or a programme's, as the codec writes it. */
export interface ViewRow {
  readonly kind: string;
  readonly id: string;
  readonly json: string;
  /** The position of the last event folded into this view. */
  readonly position: bigint;
}

/**
 * The rows one projection keeps for one source (an award or a programme) after a batch: they replace
 * that source's earlier rows of the projection whole.
 */
export interface SourceRows {
  readonly projection: string;
  readonly source: string;
  /** The position of the last event of the source folded in. */
  readonly position: bigint;
  readonly rows: readonly EncodedReportRow[];
}

/** A report row as stored: its value already JSON. */
export interface EncodedReportRow {
  readonly key: string;
  readonly partition: string;
  readonly ordinal: bigint;
  readonly funderId?: string;
  readonly recipientId?: string;
  readonly json: string;
}

/** A stored report row read back: its JSON, and the award's parties when it is about one award. */
export interface StoredReportRow {
  readonly key: string;
  readonly funderId: string | null;
  readonly recipientId: string | null;
  readonly json: string;
}

/** How far a projection has folded the log: the last event it applied, by position and id. */
export interface Checkpoint {
  readonly position: bigint;
  /** Lets a projection tell that its file was built from another log (a replaced or recreated store). */
  readonly eventId: string;
}

interface StoredRow {
  readonly kind: string;
  readonly id: string;
  readonly json: string;
  readonly position: string;
}

const toViewRow = (row: StoredRow): ViewRow => ({ ...row, position: BigInt(row.position) });

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS read_model_schema (version INTEGER NOT NULL, view_format TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS views (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    json     TEXT NOT NULL,
    position TEXT NOT NULL,
    PRIMARY KEY (kind, id)
  );
  CREATE TABLE IF NOT EXISTS report_rows (
    projection   TEXT NOT NULL,
    key          TEXT NOT NULL,
    partition    TEXT NOT NULL,
    source       TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    funder_id    TEXT,
    recipient_id TEXT,
    json         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (projection, key)
  );
  CREATE INDEX IF NOT EXISTS report_rows_by_partition ON report_rows (projection, partition, ordinal, key);
  CREATE INDEX IF NOT EXISTS report_rows_by_source ON report_rows (projection, source);
  CREATE TABLE IF NOT EXISTS checkpoint (
    name     TEXT PRIMARY KEY,
    position TEXT NOT NULL,
    event_id TEXT NOT NULL
  );
`;

/**
 * The read side's SQLite file: persisted views and the checkpoint they were folded to, always written
 * together in one transaction, so that a crash leaves rows and checkpoint agreeing. Positions are
 * stored as decimal text (they are bigints) and compared as integers.
 */
export class ReadModelStore {
  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the file; one at another schema version or view format is emptied first. */
  static open(path: string, viewFormat: string): ReadModelStore {
    const inMemory = path === ':memory:';
    const location = inMemory ? path : resolve(path);
    if (!inMemory) ensurePrivateFile(location);
    const db = new Database(location, { timeout: 5000 });
    try {
      if (!inMemory) db.pragma('journal_mode = WAL');
      // NORMAL, not FULL: a power cut may lose the last commit, and the projection then re-applies
      // those events from the older checkpoint it finds, with the rows of that same checkpoint.
      db.pragma('synchronous = NORMAL');
      db.transaction(() => {
        db.exec(SCHEMA);
        const stored = db.prepare('SELECT version, view_format FROM read_model_schema').get() as
          | { version: number; view_format: string }
          | undefined;
        if (stored?.version !== READ_MODEL_SCHEMA_VERSION || stored.view_format !== viewFormat) {
          db.exec('DROP TABLE IF EXISTS views; DROP TABLE IF EXISTS report_rows; DROP TABLE IF EXISTS checkpoint; DROP TABLE read_model_schema;');
          db.exec(SCHEMA);
          db.prepare('INSERT INTO read_model_schema (version, view_format) VALUES (?, ?)').run(READ_MODEL_SCHEMA_VERSION, viewFormat);
        }
      }).immediate();
      return new ReadModelStore(db, location);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  checkpoint(name: string): Checkpoint | undefined {
    const row = this.db.prepare('SELECT position, event_id FROM checkpoint WHERE name = ?').get(name) as
      | { position: string; event_id: string }
      | undefined;
    return row === undefined ? undefined : { position: BigInt(row.position), eventId: row.event_id };
  }

  /** Every row of a kind (or of all kinds), in id order. */
  rows(kind?: string): ViewRow[] {
    const rows = (
      kind === undefined
        ? this.db.prepare('SELECT kind, id, json, position FROM views ORDER BY kind, id').all()
        : this.db.prepare('SELECT kind, id, json, position FROM views WHERE kind = ? ORDER BY id').all(kind)
    ) as StoredRow[];
    return rows.map(toViewRow);
  }

  row(kind: string, id: string): ViewRow | undefined {
    const row = this.db.prepare('SELECT kind, id, json, position FROM views WHERE kind = ? AND id = ?').get(kind, id) as
      | StoredRow
      | undefined;
    return row === undefined ? undefined : toViewRow(row);
  }

  /** One projection's row under a key. */
  reportRow(projection: string, key: string): StoredReportRow | undefined {
    return this.statements().reportRow.get(projection, key) as StoredReportRow | undefined;
  }

  /** One projection's rows of a partition (or all its rows), in ordinal order, then key order. */
  reportRows(projection: string, partition?: string): StoredReportRow[] {
    const { partitionRows, projectionRows } = this.statements();
    return (partition === undefined ? projectionRows.all(projection) : partitionRows.all(projection, partition)) as StoredReportRow[];
  }

  /** Reads are prepared once: a report GET is one indexed lookup. */
  private prepared: ReturnType<ReadModelStore['prepare']> | undefined;

  private statements(): ReturnType<ReadModelStore['prepare']> {
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  private prepare() {
    const columns = 'key, funder_id AS funderId, recipient_id AS recipientId, json';
    return {
      reportRow: this.db.prepare(`SELECT ${columns} FROM report_rows WHERE projection = ? AND key = ?`),
      partitionRows: this.db.prepare(`SELECT ${columns} FROM report_rows WHERE projection = ? AND partition = ? ORDER BY ordinal, key`),
      projectionRows: this.db.prepare(`SELECT ${columns} FROM report_rows WHERE projection = ? ORDER BY ordinal, key`),
      upsertView: this.db.prepare(
        `INSERT INTO views (kind, id, json, position) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json, position = excluded.position
         WHERE CAST(excluded.position AS INTEGER) > CAST(views.position AS INTEGER)`,
      ),
      // A source's older rows go; rows another process wrote from a later position stay.
      dropSourceRows: this.db.prepare('DELETE FROM report_rows WHERE projection = ? AND source = ? AND position < ?'),
      upsertReportRow: this.db.prepare(
        `INSERT INTO report_rows (projection, key, partition, source, ordinal, funder_id, recipient_id, json, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (projection, key) DO UPDATE SET partition = excluded.partition, source = excluded.source,
           ordinal = excluded.ordinal, funder_id = excluded.funder_id, recipient_id = excluded.recipient_id,
           json = excluded.json, position = excluded.position
         WHERE excluded.position > report_rows.position`,
      ),
      advance: this.db.prepare(
        `INSERT INTO checkpoint (name, position, event_id) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, event_id = excluded.event_id
         WHERE CAST(excluded.position AS INTEGER) > CAST(checkpoint.position AS INTEGER)`,
      ),
    };
  }

  /**
   * Writes the views and report rows a batch of events changed and the checkpoint after it, in one
   * transaction (a long catch-up writes its first chunks without the checkpoint, which moves with its
   * last). Another process following the same log may have written further already: a row or
   * checkpoint only ever moves forward, because a view at a later position is the later view.
   */
  commit(name: string, rows: readonly ViewRow[], checkpoint: Checkpoint | undefined, reports: readonly SourceRows[] = []): void {
    const { upsertView, dropSourceRows, upsertReportRow, advance } = this.statements();
    this.db.transaction(() => {
      for (const row of rows) upsertView.run(row.kind, row.id, row.json, row.position.toString());
      for (const { projection, source, position, rows: reportRows } of reports) {
        dropSourceRows.run(projection, source, position);
        for (const row of reportRows) {
          upsertReportRow.run(projection, row.key, row.partition, source, row.ordinal, row.funderId ?? null, row.recipientId ?? null, row.json, position);
        }
      }
      if (checkpoint !== undefined) advance.run(name, checkpoint.position.toString(), checkpoint.eventId);
    }).immediate();
  }

  /** Forgets everything: the next projection start folds the whole log again. */
  clear(): void {
    this.db.transaction(() => this.db.exec('DELETE FROM views; DELETE FROM report_rows; DELETE FROM checkpoint;')).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
