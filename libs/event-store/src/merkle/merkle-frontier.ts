import { EMPTY_TREE_ROOT, nodeHash, type Hash } from './merkle-tree';

const HASH_BYTES = 32;

/**
 * The right edge of the tree: the roots of the perfect subtrees that the binary digits of its size
 * make (largest first). It is all an append needs: adding a leaf merges at most log2(n) of them, and the
 * root folds them from the right, so the log is never re-hashed as it grows.
 */
export class MerkleFrontier {
  private constructor(
    private size: number,
    private readonly subtrees: Hash[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Reads back what `toBytes` wrote: the subtree roots, concatenated. */
  static fromBytes(size: number, bytes: Buffer): MerkleFrontier {
    const subtrees: Hash[] = [];
    for (let at = 0; at < bytes.length; at += HASH_BYTES) subtrees.push(Buffer.from(bytes.subarray(at, at + HASH_BYTES)));
    if (subtrees.length !== popCount(size)) {
      throw new Error(`a Merkle frontier of ${size} leaves has ${popCount(size)} subtrees, found ${subtrees.length}`);
    }
    return new MerkleFrontier(size, subtrees);
  }

  get treeSize(): number {
    return this.size;
  }

  /** Adds the next leaf's hash: equal-sized subtrees to its left merge, as carries do in binary addition. */
  push(leaf: Hash): void {
    let merged = leaf;
    for (let carry = this.size; carry % 2 === 1; carry = Math.floor(carry / 2)) {
      merged = nodeHash(this.subtrees.pop()!, merged);
    }
    this.subtrees.push(merged);
    this.size += 1;
  }

  root(): Hash {
    if (this.subtrees.length === 0) return EMPTY_TREE_ROOT;
    let root = this.subtrees[this.subtrees.length - 1]!;
    for (let i = this.subtrees.length - 2; i >= 0; i -= 1) root = nodeHash(this.subtrees[i]!, root);
    return root;
  }

  toBytes(): Buffer {
    return Buffer.concat(this.subtrees);
  }

  copy(): MerkleFrontier {
    return new MerkleFrontier(this.size, [...this.subtrees]);
  }
}

const popCount = (n: number): number => {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
};
