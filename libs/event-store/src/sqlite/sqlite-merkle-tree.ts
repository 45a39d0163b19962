import type { Database, Statement } from 'better-sqlite3';
import { MerkleFrontier } from '../merkle/merkle-frontier';
import { EMPTY_TREE_ROOT, type Hash } from '../merkle/merkle-tree';
import { computeEventHash } from '../chain/event-chain';
import { eventLeafHash, type LeafedEvent } from '../merkle/event-leaf';
import type { TreeHead } from '../merkle/tree-head';
import type { EventToAppend, JsonObject } from '../event-store.port';

interface FrontierRow {
  readonly tree_size: bigint;
  readonly subtrees: Buffer;
}

interface LeafRow {
  readonly leaf_index: bigint;
  readonly position: bigint;
  readonly root_hash: Buffer | null;
  readonly recorded_at: string;
}

export interface NewLeaf {
  readonly position: bigint;
  readonly leafHash: Hash;
}

/** What an append asks of the tree it keeps: work before the write lock, and the leaves inside it. */
export interface AppendTreeKeeper {
  /** The events' content hashes, computed before the lock so others wait for no canonical JSON. */
  prepare(events: readonly EventToAppend[]): readonly string[];
  /** Inside the append's transaction: the events as recorded, with what `prepare` gave for each. */
  record(recorded: readonly LeafedEvent[], prepared: readonly string[]): void;
}

/**
 * The log's Merkle tree in the same file and the same transaction as the events: one row per leaf
 * (its hash, and the root of the tree it completes when it ends an append) and the frontier the next
 * append grows from. The frontier is read inside the write lock, so several processes sharing the file
 * extend one tree.
 */
export class SqliteMerkleTree implements AppendTreeKeeper {
  private readonly frontierQuery: Statement<[], FrontierRow>;
  private readonly saveFrontier: Statement<[bigint, Buffer]>;
  private readonly insertLeaf: Statement<[bigint, bigint, Buffer, Buffer | null]>;
  private readonly lastLeafByQuery: Statement<[bigint], LeafRow>;
  private readonly leafHashesQuery: Statement<[bigint], Buffer>;

  constructor(db: Database) {
    this.frontierQuery = db.prepare<[], FrontierRow>('SELECT tree_size, subtrees FROM merkle_frontier WHERE singleton = 1').safeIntegers(true);
    this.saveFrontier = db.prepare<[bigint, Buffer]>(
      `INSERT INTO merkle_frontier (singleton, tree_size, subtrees) VALUES (1, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET tree_size = excluded.tree_size, subtrees = excluded.subtrees`,
    );
    this.insertLeaf = db.prepare<[bigint, bigint, Buffer, Buffer | null]>(
      'INSERT INTO merkle_leaves (leaf_index, position, leaf_hash, root_hash) VALUES (?, ?, ?, ?)',
    );
    this.lastLeafByQuery = db
      .prepare<[bigint], LeafRow>(
        `SELECT l.leaf_index, l.position, l.root_hash, e.recorded_at
           FROM merkle_leaves l JOIN events e ON e.position = l.position
          WHERE l.position <= ? ORDER BY l.position DESC LIMIT 1`,
      )
      .safeIntegers(true);
    this.leafHashesQuery = db
      .prepare<[bigint], Buffer>('SELECT leaf_hash FROM merkle_leaves WHERE leaf_index <= ? ORDER BY leaf_index')
      .pluck();
  }

  prepare(events: readonly EventToAppend[]): readonly string[] {
    return events.map((event) => computeEventHash(event.type, event.data, event.metadata));
  }

  record(recorded: readonly LeafedEvent[], prepared: readonly string[]): void {
    this.extend(recorded.map((event, i) => ({ position: event.position, leafHash: eventLeafHash(event, prepared[i]) })));
  }

  /** Adds one append's leaves, in position order; call inside the append's transaction. */
  extend(leaves: readonly NewLeaf[]): void {
    const frontier = this.frontier();
    leaves.forEach(({ position, leafHash }, i) => {
      const index = BigInt(frontier.treeSize);
      frontier.push(leafHash);
      this.insertLeaf.run(index, position, leafHash, i === leaves.length - 1 ? frontier.root() : null);
    });
    this.saveFrontier.run(BigInt(frontier.treeSize), frontier.toBytes());
  }

  /** The tree head over every event at or before `position` (the whole log when omitted). */
  headAt(position?: bigint): TreeHead {
    const last = this.lastLeafByQuery.get(position ?? 9223372036854775807n);
    if (last === undefined) return { treeSize: 0n, rootHash: EMPTY_TREE_ROOT.toString('hex'), lastPosition: -1n };
    // Only the last leaf of each append keeps its root; a position inside a batch is folded from the leaves.
    const root = last.root_hash ?? this.foldRoot(last.leaf_index);
    return { treeSize: last.leaf_index + 1n, rootHash: root.toString('hex'), lastPosition: last.position, recordedAt: last.recorded_at };
  }

  private foldRoot(lastIndex: bigint): Hash {
    const frontier = MerkleFrontier.empty();
    for (const leaf of this.leafHashesQuery.iterate(lastIndex)) frontier.push(leaf);
    return frontier.root();
  }

  private frontier(): MerkleFrontier {
    const row = this.frontierQuery.get();
    return row === undefined ? MerkleFrontier.empty() : MerkleFrontier.fromBytes(Number(row.tree_size), row.subtrees);
  }
}

/** Migration 2 on a file written before the tree existed: every recorded event becomes a leaf, in order. */
export const backfillMerkleTree = (db: Database): void => {
  const tree = new SqliteMerkleTree(db);
  const rows = db
    .prepare<[], { position: bigint; id: string; stream: string; revision: bigint; type: string; data: string; metadata: string }>(
      'SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position',
    )
    .safeIntegers(true);
  const leaves: NewLeaf[] = [];
  for (const row of rows.iterate()) {
    const event = { ...row, data: JSON.parse(row.data) as JsonObject, metadata: JSON.parse(row.metadata) as JsonObject };
    leaves.push({ position: row.position, leafHash: eventLeafHash(event) });
  }
  if (leaves.length > 0) tree.extend(leaves);
};
