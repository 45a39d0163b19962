import type { Database, Statement } from 'better-sqlite3';
import type { JsonValue } from '../event-store.port';
import type { StreamSnapshot } from '../snapshots/snapshot-store.port';

interface SnapshotRow {
  readonly revision: bigint;
  readonly event_id: string;
  readonly version: bigint;
  readonly state: string;
}

/** The snapshots table (migration 4) behind prepared statements; each is its own short autocommit write or read. */
export class SqliteSnapshots {
  private readonly readQuery: Statement<[string, string], SnapshotRow>;
  private readonly keepStatement: Statement<[string, string, bigint, string, number, string]>;

  constructor(db: Database) {
    this.readQuery = db
      .prepare<[string, string], SnapshotRow>('SELECT revision, event_id, version, state FROM snapshots WHERE stream = ? AND fold = ?')
      .safeIntegers(true);
    this.keepStatement = db.prepare(
      `INSERT INTO snapshots (stream, fold, revision, event_id, version, state) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream, fold) DO UPDATE SET
         revision = excluded.revision, event_id = excluded.event_id, version = excluded.version, state = excluded.state`,
    );
  }

  read(stream: string, fold: string): StreamSnapshot | undefined {
    const row = this.readQuery.get(stream, fold);
    if (row === undefined) return undefined;
    const state = JSON.parse(row.state) as JsonValue;
    return { stream, fold, revision: row.revision, eventId: row.event_id, version: Number(row.version), state };
  }

  keep(snapshot: StreamSnapshot): void {
    const { stream, fold, revision, eventId, version, state } = snapshot;
    this.keepStatement.run(stream, fold, revision, eventId, version, JSON.stringify(state));
  }
}
