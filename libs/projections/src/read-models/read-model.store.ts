import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '@fundledger/event-store';

/**
 * Bump when the tables change shape. A file at another version, or whose rows were written in another
 * view format (the codec's version), is emptied and rebuilt from the log: the read model is a cache,
 * never a source of truth.
 */
export const READ_MODEL_SCHEMA_VERSION = 1;

/** One persisted view: an award's or a programme's, as the codec writes it. */
export interface ViewRow {
  readonly kind: string;
  readonly id: string;
  readonly json: string;
  /** The position of the last event folded into this view. */
  readonly position: bigint;
}

/** How far a projection has folded the log: the last event it applied, by position and id. */
export interface Checkpoint {
  readonly position: bigint;
  /** Lets a projection tell that its file was built from another log (a replaced or recreated store). */
  readonly eventId: string;
}

/** The projection moved on while a rebuild was folding: writing the older rows would go backwards. */
export class ReadModelMovedOnError extends Error {
  readonly code = 'READ_MODEL_MOVED_ON';

  constructor(readonly rebuiltTo: bigint, readonly checkpoint: bigint) {
    super(`the read model reached position ${checkpoint} while the rebuild folded to ${rebuiltTo}; run the rebuild again`);
    this.name = 'ReadModelMovedOnError';
  }
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
          db.exec('DROP TABLE views; DROP TABLE checkpoint; DROP TABLE read_model_schema;');
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

  /**
   * Writes the rows a batch of events changed and the checkpoint after it, in one transaction. Another
   * process following the same log may have written further already: a row or checkpoint only ever
   * moves forward, because a view at a later position is the later view.
   */
  commit(name: string, rows: readonly ViewRow[], checkpoint: Checkpoint): void {
    const upsert = this.db.prepare(
      `INSERT INTO views (kind, id, json, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json, position = excluded.position
       WHERE CAST(excluded.position AS INTEGER) > CAST(views.position AS INTEGER)`,
    );
    const advance = this.db.prepare(
      `INSERT INTO checkpoint (name, position, event_id) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, event_id = excluded.event_id
       WHERE CAST(excluded.position AS INTEGER) > CAST(checkpoint.position AS INTEGER)`,
    );
    this.db.transaction(() => {
      for (const row of rows) upsert.run(row.kind, row.id, row.json, row.position.toString());
      advance.run(name, checkpoint.position.toString(), checkpoint.eventId);
    }).immediate();
  }

  /**
   * Replaces every row and the checkpoint with a rebuild's, in one transaction. Refused when the
   * checkpoint is already past the rebuild's: a running projection got further while it folded.
   */
  replaceAll(name: string, rows: readonly ViewRow[], checkpoint: Checkpoint | undefined): void {
    const insert = this.db.prepare('INSERT INTO views (kind, id, json, position) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      const current = this.checkpoint(name);
      const rebuiltTo = checkpoint?.position ?? -1n;
      if (current !== undefined && current.position > rebuiltTo) throw new ReadModelMovedOnError(rebuiltTo, current.position);
      this.db.exec('DELETE FROM views; DELETE FROM checkpoint;');
      for (const row of rows) insert.run(row.kind, row.id, row.json, row.position.toString());
      if (checkpoint !== undefined) {
        this.db
          .prepare('INSERT INTO checkpoint (name, position, event_id) VALUES (?, ?, ?)')
          .run(name, checkpoint.position.toString(), checkpoint.eventId);
      }
    }).immediate();
  }

  /** Forgets everything: the next projection start folds the whole log again. */
  clear(): void {
    this.db.transaction(() => this.db.exec('DELETE FROM views; DELETE FROM checkpoint;')).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
