import type { Database, Statement } from 'better-sqlite3';
import { computeEventHash } from '../chain/event-chain';
import { eventLeafHash, type LeafedEvent } from '../merkle/event-leaf';
import { MerkleFrontier } from '../merkle/merkle-frontier';
import { EMPTY_TREE_ROOT } from '../merkle/merkle-tree';
import type { TreeHead } from '../merkle/tree-head';
import type { EventToAppend, JsonObject } from '../event-store.port';

interface HeadRow {
  readonly last_position: bigint;
  readonly tree_size: bigint;
  readonly root_hash: Buffer;
  readonly frontier: Buffer;
}

interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/** What an append asks of the tree it keeps: work before the write lock, and the leaves inside it. */
export interface AppendTreeKeeper {
  /** The events' content hashes, computed before the lock so others wait for no canonical JSON. */
  prepare(events: readonly EventToAppend[]): readonly string[];
  /** Inside the append's transaction: the events as recorded, with what `prepare` gave for each. */
  record(recorded: readonly LeafedEvent[], prepared: readonly string[]): void;
}

const leafOf = (row: EventRow) =>
  eventLeafHash({ ...row, data: JSON.parse(row.data) as JsonObject, metadata: JSON.parse(row.metadata) as JsonObject });

/**
 * The log's Merkle tree in the same file and the same transaction as the events: one row per append,
 * keyed by its last event's position, holding the tree's size, root and frontier after it. One row is
 * all an append adds (its cost is mostly the page it writes to the WAL), and the frontier the next
 * append grows from is the last row's, read inside the write lock, so several processes sharing the
 * file extend one tree.
 */
export class SqliteMerkleTree implements AppendTreeKeeper {
  private readonly lastHeadQuery: Statement<[bigint], HeadRow>;
  private readonly insertHead: Statement<[bigint, bigint, Buffer, Buffer]>;
  private readonly lastEventQuery: Statement<[bigint], { position: bigint; recorded_at: string }>;
  private readonly eventsBetweenQuery: Statement<[bigint, bigint], EventRow>;

  constructor(db: Database) {
    this.lastHeadQuery = db
      .prepare<[bigint], HeadRow>(
        'SELECT last_position, tree_size, root_hash, frontier FROM merkle_heads WHERE last_position <= ? ORDER BY last_position DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.insertHead = db.prepare<[bigint, bigint, Buffer, Buffer]>(
      'INSERT INTO merkle_heads (last_position, tree_size, root_hash, frontier) VALUES (?, ?, ?, ?)',
    );
    this.lastEventQuery = db
      .prepare<[bigint], { position: bigint; recorded_at: string }>(
        'SELECT position, recorded_at FROM events WHERE position <= ? ORDER BY position DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.eventsBetweenQuery = db
      .prepare<[bigint, bigint], EventRow>(
        'SELECT position, id, stream, revision, type, data, metadata, recorded_at FROM events WHERE position > ? AND position <= ? ORDER BY position',
      )
      .safeIntegers(true);
  }

  prepare(events: readonly EventToAppend[]): readonly string[] {
    return events.map((event) => computeEventHash(event.type, event.data, event.metadata));
  }

  record(recorded: readonly LeafedEvent[], prepared: readonly string[]): void {
    const frontier = this.frontierAfter(this.lastHeadQuery.get(MAX_POSITION));
    recorded.forEach((event, i) => frontier.push(eventLeafHash(event, prepared[i])));
    this.insertHead.run(recorded[recorded.length - 1]!.position, BigInt(frontier.treeSize), frontier.root(), frontier.toBytes());
  }

  /** The tree head over every event at or before `position` (the whole log when omitted). */
  headAt(position: bigint = MAX_POSITION): TreeHead {
    const lastEvent = this.lastEventQuery.get(position);
    if (lastEvent === undefined) return { treeSize: 0n, rootHash: EMPTY_TREE_ROOT.toString('hex'), lastPosition: -1n };
    const head = this.lastHeadQuery.get(lastEvent.position);
    const at = { lastPosition: lastEvent.position, recordedAt: lastEvent.recorded_at };
    if (head !== undefined && head.last_position === lastEvent.position) {
      return { treeSize: head.tree_size, rootHash: head.root_hash.toString('hex'), ...at };
    }
    // A position inside an append: grow the previous append's frontier by the events up to it.
    const frontier = this.frontierAfter(head);
    for (const row of this.eventsBetweenQuery.iterate(head?.last_position ?? -1n, lastEvent.position)) frontier.push(leafOf(row));
    return { treeSize: BigInt(frontier.treeSize), rootHash: frontier.root().toString('hex'), ...at };
  }

  private frontierAfter(head: HeadRow | undefined): MerkleFrontier {
    return head === undefined ? MerkleFrontier.empty() : MerkleFrontier.fromBytes(Number(head.tree_size), head.frontier);
  }
}

/** SQLite's largest integer: "no upper bound". */
const MAX_POSITION = 9223372036854775807n;

/** Migration 2 on a file written before the tree existed: every recorded event becomes a leaf, in order. */
export const backfillMerkleTree = (db: Database): void => {
  const rows = db
    .prepare<[], EventRow>('SELECT position, id, stream, revision, type, data, metadata, recorded_at FROM events ORDER BY position')
    .safeIntegers(true);
  const frontier = MerkleFrontier.empty();
  let last: bigint | undefined;
  for (const row of rows.iterate()) {
    frontier.push(leafOf(row));
    last = row.position;
  }
  if (last === undefined) return;
  db.prepare('INSERT INTO merkle_heads (last_position, tree_size, root_hash, frontier) VALUES (?, ?, ?, ?)').run(
    last,
    frontier.treeSize,
    frontier.root(),
    frontier.toBytes(),
  );
};
