import type { Database } from 'better-sqlite3';
import { EVENTS_ARE_NEVER_UPDATED } from './immutability';
import { backfillMerkleTree } from './sqlite-merkle-tree';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /** Fills what the new schema needs from the rows already there, in the same transaction. */
  readonly backfill?: (db: Database) => void;
}

/**
 * The schema, as an ordered list of steps that is only ever appended to: a database file written by
 * an earlier build is brought forward by applying the steps it has not seen yet.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'the append-only event log',
    // UNIQUE (stream, revision) is both the per-stream ordering rule and the index every stream read
    // and revision check uses (its leading column is `stream`), so no separate index on stream is kept.
    // AUTOINCREMENT keeps positions strictly increasing even after the newest rows are gone from a copy.
    // The triggers make the log append-only at the storage level: a recorded figure is never edited.
    sql: `
      CREATE TABLE events (
        position    INTEGER PRIMARY KEY AUTOINCREMENT,
        id          TEXT    NOT NULL UNIQUE,
        stream      TEXT    NOT NULL CHECK (length(stream) > 0),
        revision    INTEGER NOT NULL CHECK (revision >= 0),
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL CHECK (json_valid(data)),
        metadata    TEXT    NOT NULL CHECK (json_valid(metadata)),
        recorded_at TEXT    NOT NULL,
        UNIQUE (stream, revision)
      );
      ${EVENTS_ARE_NEVER_UPDATED}
      CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable: append a correcting event instead'); END;
    `,
  },
  {
    version: 2,
    description: 'the Merkle tree over the log (RFC 9162), kept with every append',
    // The last event of each append carries the tree's size and frontier after it (the roots of
    // the perfect subtrees its size decomposes into): in the event's own row, the append writes no
    // extra page. verify never trusts it, recomputing the tree from the events.
    sql: `ALTER TABLE events ADD COLUMN merkle_head BLOB;`,
    backfill: backfillMerkleTree,
  },
  {
    version: 3,
    description: 'signed checkpoints kept beside the log',
    // Signed outside the store (the key never sits beside the database); rows are only ever added.
    sql: `
      CREATE TABLE kept_checkpoints (
        last_position INTEGER PRIMARY KEY,
        checkpoint    TEXT    NOT NULL CHECK (json_valid(checkpoint))
      );
      CREATE TRIGGER kept_checkpoints_are_never_updated BEFORE UPDATE ON kept_checkpoints
        BEGIN SELECT RAISE(ABORT, 'kept checkpoints are immutable'); END;
      CREATE TRIGGER kept_checkpoints_are_never_deleted BEFORE DELETE ON kept_checkpoints
        BEGIN SELECT RAISE(ABORT, 'kept checkpoints are immutable'); END;
    `,
  },
  {
    version: 4,
    description: 'snapshots of folded stream states, beside the log and outside it',
    // A cache, so no immutability triggers: a snapshot is replaced every N events and may be deleted at
    // will. Not events, not Merkle leaves: verify and migrate never read this table.
    sql: `
      CREATE TABLE snapshots (
        stream   TEXT    NOT NULL,
        fold     TEXT    NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        event_id TEXT    NOT NULL,
        version  INTEGER NOT NULL,
        state    TEXT    NOT NULL,
        PRIMARY KEY (stream, fold)
      ) WITHOUT ROWID;
    `,
  },
];

export const latestSchemaVersion = (): number => migrations[migrations.length - 1]?.version ?? 0;

/**
 * Brings the schema up to date inside one IMMEDIATE transaction, so that several processes opening
 * the same file at once apply each step exactly once, and a failed step leaves the previous schema.
 * Returns the schema version the database is at afterwards.
 */
export const migrate = (db: Database, now: () => Date): number => {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    )`);
    const current = Number(
      db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_version').pluck().safeIntegers(false).get(),
    );
    if (current > latestSchemaVersion()) {
      throw new Error(
        `the database schema is at version ${current}, newer than the ${latestSchemaVersion()} this build knows: ` +
          'run a newer build against it rather than risk writing an older shape',
      );
    }
    const record = db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations.filter((step) => step.version > current)) {
      db.exec(migration.sql);
      migration.backfill?.(db);
      record.run(migration.version, migration.description, now().toISOString());
    }
    db.exec('COMMIT');
    return Math.max(current, latestSchemaVersion());
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
};
