import { eventLeafHash } from '../merkle/event-leaf';
import { consistencyProof, rootOf, verifyConsistency } from '../merkle/merkle-tree';
import { anEvent, collect, events, uniqueStream, type StoreUnderTest } from './contract-fixtures';

/**
 * The Merkle tree head the store reports is the RFC 9162 root of the log's own events, recomputed here
 * from a plain read, so a store that keeps the tree (SQLite) and one that folds it on the client
 * (EventStoreDB) answer alike.
 */
export const describeTreeContract = (store: StoreUnderTest): void => {
  describe('the Merkle tree head', () => {
    const leavesUpTo = async (position: bigint) =>
      (await collect(store().readAll({ toPosition: position }))).map((event) => eventLeafHash(event));

    it('is the root of every event up to the position, in log order', async () => {
      const [a, b] = [uniqueStream('TreeA'), uniqueStream('TreeB')];
      await store().append(a, events(3), { expectedRevision: 'no_stream' });
      const last = await store().append(b, events(2), { expectedRevision: 'no_stream' });

      const leaves = await leavesUpTo(last.position);
      const head = await store().treeHeadAt(last.position);
      expect(head).toMatchObject({ treeSize: BigInt(leaves.length), lastPosition: last.position });
      expect(head.rootHash).toBe(rootOf(leaves).toString('hex'));
    });

    it('answers for a position inside an append, and that head is a prefix of the later one', async () => {
      const stream = uniqueStream('TreeInside');
      const first = await store().append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      const batch = await store().append(stream, events(4), { expectedRevision: 0n });
      const inside = (await collect(store().readStream(stream)))[2]!.position;

      const [earlier, later] = [await store().treeHeadAt(inside), await store().treeHeadAt(batch.position)];
      const leaves = await leavesUpTo(batch.position);
      const m = Number(earlier.treeSize);
      expect(earlier.rootHash).toBe(rootOf(leaves.slice(0, m)).toString('hex'));
      expect(earlier.treeSize).toBeGreaterThan(0n);
      expect(first.position).toBeLessThan(inside);
      const proof = consistencyProof(leaves, m);
      expect(
        verifyConsistency(m, leaves.length, Buffer.from(earlier.rootHash, 'hex'), Buffer.from(later.rootHash, 'hex'), proof),
      ).toBe(true);
    });

    it('covers the whole log when no position is given', async () => {
      const appended = await store().append(uniqueStream('TreeWhole'), events(2), { expectedRevision: 'no_stream' });
      const head = await store().treeHeadAt();
      expect(head.lastPosition).toBeGreaterThanOrEqual(appended.position);
      expect(head.rootHash).toBe(rootOf(await leavesUpTo(head.lastPosition)).toString('hex'));
    });
  });
};
