import Database from 'better-sqlite3';
import { computeEventHash, eventLeafHash, GENESIS_HASH, MerkleFrontier, type JsonObject } from '@fundledger/event-store';

/**
 * What someone holding the SQLite file can do without the signing key, using only the formulas
 * docs/audit-trail.md publishes: go around the immutability triggers, rewrite rows, recompute a
 * stream's hash chain and the whole Merkle tree so that the file agrees with itself again.
 */
export class Insider {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('foreign_keys = OFF');
    for (const name of this.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()) {
      this.db.exec(`DROP TRIGGER ${name}`);
    }
  }

  /** Sets a field of an event's data in place, leaving its recorded hash as it was. */
  editData(position: number, field: string, value: string): void {
    this.db.prepare(`UPDATE events SET data = json_set(data, '$.' || ?, ?) WHERE position = ?`).run(field, value, position);
  }

  deleteEvents(where: string, ...params: unknown[]): number {
    return this.db.prepare(`DELETE FROM events WHERE ${where}`).run(...params).changes;
  }

  /** Swaps two events of one stream: each takes the other's position and revision. */
  swap(positionA: number, positionB: number): void {
    const revisionOf = (position: number) => this.db.prepare<[number], number>('SELECT revision FROM events WHERE position = ?').pluck().get(position)!;
    const [revisionA, revisionB] = [revisionOf(positionA), revisionOf(positionB)];
    this.db.prepare('UPDATE events SET position = ?, revision = ? WHERE position = ?').run(-1, 1_000_000, positionA);
    this.db.prepare('UPDATE events SET position = ?, revision = ? WHERE position = ?').run(positionA, revisionA, positionB);
    this.db.prepare('UPDATE events SET position = ?, revision = ? WHERE position = ?').run(positionB, revisionB, -1);
  }

  /** Recomputes every prevHash and hash of a stream from its first event, as `verify` would expect them. */
  rechain(stream: string): void {
    const rows = this.db
      .prepare<[string], { position: number; type: string; data: string; metadata: string }>(
        'SELECT position, type, data, metadata FROM events WHERE stream = ? ORDER BY revision',
      )
      .all(stream);
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const { hash: _old, ...metadata } = { ...(JSON.parse(row.metadata) as JsonObject), prevHash } as JsonObject;
      prevHash = computeEventHash(row.type, JSON.parse(row.data) as JsonObject, metadata);
      this.db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(JSON.stringify({ ...metadata, hash: prevHash }), row.position);
    }
  }

  /** Rebuilds the store's own Merkle tree from the events now in the file, as one append of them all. */
  rebuildTree(): void {
    const rows = this.db
      .prepare<[], { position: number; id: string; stream: string; revision: number; type: string; data: string; metadata: string }>(
        'SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position',
      )
      .all();
    const frontier = MerkleFrontier.empty();
    for (const row of rows) {
      frontier.push(
        eventLeafHash({
          ...row,
          revision: BigInt(row.revision),
          position: BigInt(row.position),
          data: JSON.parse(row.data) as JsonObject,
          metadata: JSON.parse(row.metadata) as JsonObject,
        }),
      );
    }
    // The head's stored form: tree size (8 bytes, big-endian) ‖ frontier, on the last event.
    const size = Buffer.alloc(8);
    size.writeBigUInt64BE(BigInt(frontier.treeSize));
    this.db.exec('UPDATE events SET merkle_head = NULL');
    this.db
      .prepare('UPDATE events SET merkle_head = ? WHERE position = ?')
      .run(Buffer.concat([size, frontier.toBytes()]), rows[rows.length - 1]!.position);
  }

  forgetKeptCheckpoints(): void {
    this.db.exec('DELETE FROM kept_checkpoints');
  }

  close(): void {
    this.db.close();
  }
}
