import type { Database, Statement } from 'better-sqlite3';
import { computeEventHash } from '../chain/event-chain';
import { eventLeafHash, type LeafedEvent } from '../merkle/event-leaf';
import { MerkleFrontier } from '../merkle/merkle-frontier';
import { EMPTY_TREE_ROOT } from '../merkle/merkle-tree';
import type { TreeHead } from '../merkle/tree-head';
import { EVENTS_ARE_NEVER_UPDATED } from './immutability';
import type { EventToAppend } from '../event-store.port';
import { columns, toRecordedEvent, type EventRow } from './sqlite-event-log';

interface HeadRow {
  readonly position: bigint;
  readonly merkle_head: Buffer;
}

/** What an append asks of the tree it keeps: work before the write lock, and the head inside it. */
export interface AppendTreeKeeper {
  /** The events' content hashes, computed before the lock so others wait for no canonical JSON. */
  prepare(events: readonly EventToAppend[]): readonly string[];
  /** Inside the append's transaction: the encoded tree head after these events (null: none kept). */
  headAfter(placed: readonly LeafedEvent[], prepared: readonly string[]): Buffer | null;
}

const leafOf = (row: EventRow) => eventLeafHash(toRecordedEvent(row));

/**
 * A tree head as stored: tree size (8 bytes, big-endian) ‖ frontier (32 bytes per subtree). The root is
 * folded from the frontier when asked for (a receipt asks once per command), outside the write lock
 * that every other writer waits on.
 */
const encodeHead = (frontier: MerkleFrontier): Buffer => {
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(frontier.treeSize));
  return Buffer.concat([size, frontier.toBytes()]);
};

const decodeHead = (bytes: Buffer): MerkleFrontier => MerkleFrontier.fromBytes(Number(bytes.readBigUInt64BE(0)), bytes.subarray(8));

/**
 * The log's Merkle tree in the same rows and the same transaction as the events: the last event of each
 * append carries the tree's size and frontier after it (column merkle_head). Keeping it in the
 * event's own row writes no page the append did not already write, which is most of an fsync'd
 * append's cost; the frontier the next append grows from is read inside the write lock, so several
 * processes sharing the file extend one tree. A position inside an append is folded from the head before.
 */
export class SqliteMerkleTree implements AppendTreeKeeper {
  private readonly lastHeadQuery: Statement<[bigint], HeadRow>;
  private readonly lastEventQuery: Statement<[bigint], { position: bigint; recorded_at: string }>;
  private readonly eventsBetweenQuery: Statement<[bigint, bigint], EventRow>;

  constructor(db: Database) {
    this.lastHeadQuery = db
      .prepare<[bigint], HeadRow>(
        'SELECT position, merkle_head FROM events WHERE position <= ? AND merkle_head IS NOT NULL ORDER BY position DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.lastEventQuery = db
      .prepare<[bigint], { position: bigint; recorded_at: string }>(
        'SELECT position, recorded_at FROM events WHERE position <= ? ORDER BY position DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.eventsBetweenQuery = db
      .prepare<[bigint, bigint], EventRow>(`SELECT ${columns} FROM events WHERE position > ? AND position <= ? ORDER BY position`)
      .safeIntegers(true);
  }

  prepare(events: readonly EventToAppend[]): readonly string[] {
    return events.map((event) => computeEventHash(event.type, event.data, event.metadata));
  }

  headAfter(placed: readonly LeafedEvent[], prepared: readonly string[]): Buffer {
    const frontier = this.frontierAt(placed[0]!.position - 1n);
    placed.forEach((event, i) => frontier.push(eventLeafHash(event, prepared[i])));
    return encodeHead(frontier);
  }

  /** The tree head over every event at or before `position` (the whole log when omitted). */
  headAt(position: bigint = MAX_POSITION): TreeHead {
    const lastEvent = this.lastEventQuery.get(position);
    if (lastEvent === undefined) return { treeSize: 0n, rootHash: EMPTY_TREE_ROOT.toString('hex'), lastPosition: -1n };
    const at = { lastPosition: lastEvent.position, recordedAt: lastEvent.recorded_at };
    const head = this.lastHeadQuery.get(lastEvent.position);
    const frontier =
      head !== undefined && head.position === lastEvent.position ? decodeHead(head.merkle_head) : this.frontierAt(lastEvent.position);
    return { treeSize: BigInt(frontier.treeSize), rootHash: frontier.root().toString('hex'), ...at };
  }

  /** The frontier over every event at or before `position`: the last head kept, grown by any events after it. */
  private frontierAt(position: bigint): MerkleFrontier {
    const head = this.lastHeadQuery.get(position);
    const frontier = head === undefined ? MerkleFrontier.empty() : decodeHead(head.merkle_head);
    for (const row of this.eventsBetweenQuery.iterate(head?.position ?? -1n, position)) frontier.push(leafOf(row));
    return frontier;
  }
}

/** SQLite's largest integer: "no upper bound". */
const MAX_POSITION = 9223372036854775807n;

/**
 * Migration 2 on a file written before the tree existed: every recorded event becomes a leaf, in order,
 * and the last event gets the head. The one UPDATE a recorded event ever receives, so the migration
 * lifts the immutability trigger around it, inside its transaction.
 */
export const backfillMerkleTree = (db: Database): void => {
  const rows = db.prepare<[], EventRow>(`SELECT ${columns} FROM events ORDER BY position`).safeIntegers(true);
  const frontier = MerkleFrontier.empty();
  let last: bigint | undefined;
  for (const row of rows.iterate()) {
    frontier.push(leafOf(row));
    last = row.position;
  }
  if (last === undefined) return;
  db.exec('DROP TRIGGER events_are_never_updated');
  db.prepare('UPDATE events SET merkle_head = ? WHERE position = ?').run(encodeHead(frontier), last);
  db.exec(EVENTS_ARE_NEVER_UPDATED);
};
