import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { MerkleFrontier } from './merkle-frontier';
import { consistencyProof, EMPTY_TREE_ROOT, leafHash, nodeHash, rootOf, verifyConsistency, type Hash } from './merkle-tree';

const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

/** RFC 9162 §2.1.1 MTH written straight from the text, on raw leaves: the reference the fast code must match. */
const naiveRoot = (leaves: readonly Buffer[]): Buffer => {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
};

const rawLeaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));
const hashed = (leaves: readonly Buffer[]): Hash[] => leaves.map((leaf) => leafHash(leaf));
const sizes = fc.integer({ min: 0, max: 300 });

describe('the Merkle tree (RFC 9162 §2.1)', () => {
  it('has the hash of nothing as the root of the empty tree', () =>
    expect(EMPTY_TREE_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'));

  it('hashes a leaf with a 0x00 prefix and a node with 0x01', () => {
    expect(leafHash(Buffer.from('a')).equals(sha256(Buffer.from([0]), Buffer.from('a')))).toBe(true);
    const [l, r] = [leafHash('l'), leafHash('r')];
    expect(nodeHash(l, r).equals(sha256(Buffer.from([1]), l, r))).toBe(true);
  });

  it('gives the root the RFC text gives, for every size', () =>
    fc.assert(fc.property(sizes, (n) => rootOf(hashed(rawLeaves(n))).equals(naiveRoot(rawLeaves(n))))));

  it('grows its frontier one leaf at a time to the same root at every size', () => {
    const leaves = rawLeaves(200);
    const frontier = MerkleFrontier.empty();
    leaves.forEach((leaf, i) => {
      frontier.push(leafHash(leaf));
      expect(frontier.root().equals(naiveRoot(leaves.slice(0, i + 1)))).toBe(true);
    });
  });

  it('reads its frontier back from bytes and goes on growing it alike', () =>
    fc.assert(
      fc.property(sizes, fc.integer({ min: 1, max: 40 }), (n, more) => {
        const leaves = hashed(rawLeaves(n + more));
        const frontier = MerkleFrontier.empty();
        leaves.slice(0, n).forEach((leaf) => frontier.push(leaf));
        const restored = MerkleFrontier.fromBytes(n, frontier.toBytes());
        leaves.slice(n).forEach((leaf) => restored.push(leaf));
        return restored.root().equals(rootOf(leaves)) && restored.treeSize === n + more;
      }),
    ));

  describe('consistency proofs (§2.1.4)', () => {
    const prefixAndTree = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

    it('prove every prefix of an honest, grown log', () =>
      fc.assert(
        fc.property(prefixAndTree, ([m, n]) => {
          const leaves = hashed(rawLeaves(n));
          const proof = consistencyProof(leaves, m);
          return verifyConsistency(m, n, naiveRoot(rawLeaves(m)), naiveRoot(rawLeaves(n)), proof);
        }),
      ));

    it('fail when any one of the first m leaves was changed', () =>
      fc.assert(
        fc.property(
          prefixAndTree.filter(([m]) => m > 0),
          fc.nat(),
          ([m, n], pick) => {
            const original = rawLeaves(m);
            const changed = rawLeaves(n);
            changed[pick % m] = Buffer.from('forged');
            const proof = consistencyProof(hashed(changed), m);
            return !verifyConsistency(m, n, naiveRoot(original), naiveRoot(changed), proof);
          },
        ),
      ));

    // The sizes themselves are bound by the checkpoint's signature, not by the proof: for m = 1 a tree of
    // 13 leaves and one of 14 take proofs of the same shape.
    it('fail when a proof hash is altered or dropped', () =>
      fc.assert(
        fc.property(
          prefixAndTree.filter(([m, n]) => m > 0 && m < n),
          fc.nat(),
          ([m, n], pick) => {
            const leaves = hashed(rawLeaves(n));
            const [oldRoot, newRoot] = [rootOf(leaves.slice(0, m)), rootOf(leaves)];
            const proof = consistencyProof(leaves, m);
            const altered = proof.map((hash, i) => (i === pick % proof.length ? leafHash(hash) : hash));
            return (
              !verifyConsistency(m, n, oldRoot, newRoot, altered) &&
              !verifyConsistency(m, n, oldRoot, newRoot, proof.slice(0, -1))
            );
          },
        ),
      ));

    it('refuse a smaller tree that claims to contain a larger one', () => {
      const leaves = hashed(rawLeaves(8));
      expect(verifyConsistency(8, 5, rootOf(leaves), rootOf(leaves.slice(0, 5)), [])).toBe(false);
    });
  });
});
