import { hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1: SHA-256, a leaf hashed with a 0x00
 * prefix and an inner node with 0x01, so a leaf can never pass for a node; a tree of n leaves splits
 * at k, the largest power of two below n. Hashes travel as 32-byte Buffers here and as lower-case hex
 * everywhere a person or another tool reads them.
 */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);

/** MTH({}) = SHA-256() : the root of the empty tree. */
export const EMPTY_TREE_ROOT: Hash = hash('sha256', Buffer.alloc(0), 'buffer');

// One-shot hashes over one buffer: verify makes about two of these per event over the whole log.
export const leafHash = (leaf: Buffer | string): Hash =>
  // A string's 0x00 prefix is the one-character '\u0000', which UTF-8 encodes as that single byte.
  typeof leaf === 'string' ? hash('sha256', `\u0000${leaf}`, 'buffer') : hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'buffer');

const nodeInput = Buffer.alloc(65, 0x01);
export const nodeHash = (left: Hash, right: Hash): Hash => {
  left.copy(nodeInput, 1);
  right.copy(nodeInput, 33);
  return hash('sha256', nodeInput, 'buffer');
};

/** The largest power of two strictly smaller than n (n ≥ 2). */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[from:to]) over leaf hashes already computed: each inner node is hashed once. */
export const rootOfRange = (leaves: readonly Hash[], from: number, to: number): Hash => {
  const n = to - from;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return leaves[from]!;
  const k = splitPoint(n);
  return nodeHash(rootOfRange(leaves, from, from + k), rootOfRange(leaves, from + k, to));
};

export const rootOf = (leaves: readonly Hash[]): Hash => rootOfRange(leaves, 0, leaves.length);

/**
 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the fewest subtree roots that let someone holding only the root
 * of the first m leaves and the root of all n check that the first m leaves are unchanged in the tree.
 */
export const consistencyProof = (leaves: readonly Hash[], m: number): Hash[] => {
  const n = leaves.length;
  if (m < 0 || m > n) throw new RangeError(`a consistency proof needs 0 ≤ m ≤ n, got m=${m}, n=${n}`);
  if (m === 0 || m === n) return [];
  const proof: Hash[] = [];
  const subproof = (m: number, from: number, to: number, whole: boolean): void => {
    const size = to - from;
    if (m === size) {
      if (!whole) proof.push(rootOfRange(leaves, from, to));
      return;
    }
    const k = splitPoint(size);
    if (m <= k) {
      subproof(m, from, from + k, whole);
      proof.push(rootOfRange(leaves, from + k, to));
    } else {
      subproof(m - k, from + k, to, false);
      proof.push(rootOfRange(leaves, from, from + k));
    }
  };
  subproof(m, 0, n, true);
  return proof;
};

/**
 * RFC 9162 §2.1.4.2: true when `proof` shows that the tree of `first` leaves with root `firstRoot` is a
 * prefix of the tree of `second` leaves with root `secondRoot`. Anything malformed is false, not thrown.
 */
export const verifyConsistency = (
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: readonly Hash[],
): boolean => {
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
};

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
