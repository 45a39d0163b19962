import type { PoolClient } from 'pg';

export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Transaction-level advisory lock keys: one for schema changes, one that orders every append. */
export const MIGRATION_LOCK = 7_151_001;
export const APPEND_LOCK = 7_151_002;
/** The channel an append notifies at commit, so that subscriptions of every instance wake at once. */
export const APPENDED_CHANNEL = 'fundledger_appended';

/**
 * The schema as ordered steps, only ever appended to, as in the SQLite store: a database written by
 * an earlier build is brought forward by the steps it has not seen yet.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'the append-only event log',
    // data and metadata are `json`, not `jsonb`: json keeps the text exactly as written (key order,
    // spacing), so an event reads back byte for byte what its hash was computed over at the time.
    // recorded_at keeps the ISO string the store stamped, so it round-trips to the millisecond.
    // Positions are assigned by the appender under APPEND_LOCK (see postgres-append.ts), never by a
    // sequence: a sequence value is taken before commit, so commits could land out of position order.
    sql: `
      CREATE TABLE events (
        position    BIGINT  PRIMARY KEY CHECK (position > 0),
        id          TEXT    NOT NULL UNIQUE,
        stream      TEXT    NOT NULL CHECK (length(stream) > 0),
        revision    BIGINT  NOT NULL CHECK (revision >= 0),
        type        TEXT    NOT NULL,
        data        JSON    NOT NULL,
        metadata    JSON    NOT NULL,
        recorded_at TEXT    NOT NULL,
        UNIQUE (stream, revision)
      );
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'events are immutable: append a correcting event instead' USING ERRCODE = 'restrict_violation';
        END
      $$;
      CREATE TRIGGER events_are_never_updated_or_deleted BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
      CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();
    `,
  },
  {
    version: 2,
    description: 'signed checkpoints kept beside the log',
    // Insert-only, like the events: a kept checkpoint can be removed by whoever owns the database, never
    // rewritten without its signature failing, and verify notices a removal.
    sql: `
      CREATE TABLE kept_checkpoints (
        last_position BIGINT PRIMARY KEY CHECK (last_position > 0),
        checkpoint    JSON   NOT NULL
      );
      CREATE TRIGGER kept_checkpoints_are_never_updated BEFORE UPDATE ON kept_checkpoints
        FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
    `,
  },
  {
    version: 3,
    description: 'snapshots of folded stream states, beside the log and outside it',
    // As in the SQLite store (migration 4): a cache, replaced every N events and safe to delete; state
    // is TEXT because it is only ever read back whole by the service, never queried inside.
    sql: `
      CREATE TABLE snapshots (
        stream   TEXT    NOT NULL,
        fold     TEXT    NOT NULL,
        revision BIGINT  NOT NULL CHECK (revision >= 0),
        event_id TEXT    NOT NULL,
        version  INTEGER NOT NULL,
        state    TEXT    NOT NULL,
        PRIMARY KEY (stream, fold)
      );
    `,
  },
];

export const latestPostgresSchemaVersion = (): number => postgresMigrations[postgresMigrations.length - 1]?.version ?? 0;

/**
 * Brings the schema up to date in one transaction under an advisory lock, so that several instances
 * starting at once apply each step exactly once and a failed step leaves the previous schema.
 */
export const migratePostgres = async (client: PoolClient, now: () => Date): Promise<number> => {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    )`);
    const { rows } = await client.query<{ current: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS current FROM schema_version',
    );
    const current = rows[0]!.current;
    if (current > latestPostgresSchemaVersion()) {
      throw new Error(
        `the database schema is at version ${current}, newer than the ${latestPostgresSchemaVersion()} this build knows: ` +
          'run a newer build against it rather than risk writing an older shape',
      );
    }
    for (const migration of postgresMigrations.filter((step) => step.version > current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.description,
        now().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return Math.max(current, latestPostgresSchemaVersion());
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
