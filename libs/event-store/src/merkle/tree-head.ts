/**
 * The Merkle tree head of the log up to a position: what a checkpoint signs and a receipt carries.
 * treeSize counts events (leaves); positions need not be dense, so lastPosition names the last one.
 */
export interface TreeHead {
  readonly treeSize: bigint;
  /** Lower-case hex SHA-256. */
  readonly rootHash: string;
  /** Position of the last event in the tree; -1n for the empty tree. */
  readonly lastPosition: bigint;
  /** The store's recordedAt of that event: the log as it stood then. Absent for the empty tree. */
  readonly recordedAt?: string;
}
