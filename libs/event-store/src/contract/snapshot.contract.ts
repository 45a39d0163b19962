import type { EventStore } from '../event-store.port';
import type { SnapshotStore, StreamSnapshot } from '../snapshots/snapshot-store.port';
import { collect, events, uniqueStream } from './contract-fixtures';

type SnapshottingStore = EventStore & SnapshotStore;

/**
 * What a store that keeps snapshots must do with them, run by the SQLite and PostgreSQL specs: keep the
 * newest of each stream and fold exactly as written, and keep them out of the log (no event, no Merkle
 * leaf, no position), so that verify, export and migrate never see one.
 */
export function describeSnapshotContract(name: string, openStore: () => Promise<SnapshottingStore>): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let store: SnapshottingStore;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(() => store.close());

    const written = async (label: string, count: number) => {
      const stream = uniqueStream(label);
      await store.append(stream, events(count), { expectedRevision: 'no_stream' });
      return { stream, recorded: await collect(store.readStream(stream)) };
    };
    const snapshotOf = (stream: string, revision: bigint, eventId: string, state: StreamSnapshot['state']): StreamSnapshot => ({
      stream,
      fold: 'tally',
      revision,
      eventId,
      version: 3,
      state,
    });

    it('reads no snapshot of a stream that has none', async () => {
      const { stream } = await written('NoSnapshot', 1);
      expect(await store.readSnapshot(stream, 'tally')).toBeUndefined();
    });

    it('reads back what was kept, exactly: revision, event id, version and state', async () => {
      const { stream, recorded } = await written('Kept', 3);
      const state = { paid: '123456789012.34', grants: [['g-1', { committed: '0.01' }]], closed: false, note: null };
      await store.keepSnapshot(snapshotOf(stream, 2n, recorded[2]!.id, state));
      expect(await store.readSnapshot(stream, 'tally')).toEqual(snapshotOf(stream, 2n, recorded[2]!.id, state));
    });

    it('keeps one snapshot per stream and fold: the newest written, whatever its revision', async () => {
      const { stream, recorded } = await written('Replaced', 3);
      await store.keepSnapshot(snapshotOf(stream, 2n, recorded[2]!.id, { n: 3 }));
      await store.keepSnapshot(snapshotOf(stream, 0n, recorded[0]!.id, { n: 1 }));
      await store.keepSnapshot({ ...snapshotOf(stream, 1n, recorded[1]!.id, { other: true }), fold: 'other' });
      expect(await store.readSnapshot(stream, 'tally')).toMatchObject({ revision: 0n, state: { n: 1 } });
      expect(await store.readSnapshot(stream, 'other')).toMatchObject({ revision: 1n, state: { other: true } });
    });

    it('keeps snapshots out of the log: no event, no position, no Merkle leaf', async () => {
      const { stream, recorded } = await written('Outside', 2);
      const [head, tree] = [await store.headPosition(), await store.treeHeadAt()];
      await store.keepSnapshot(snapshotOf(stream, 1n, recorded[1]!.id, { n: 2 }));
      expect(await store.headPosition()).toBe(head);
      expect(await store.treeHeadAt()).toEqual(tree);
      expect(await collect(store.readStream(stream))).toEqual(recorded);
    });

    it('finds an event by its id, wherever it is, and nothing for an id never recorded', async () => {
      const { stream, recorded } = await written('Place', 3);
      expect(await store.placeOfEvent(recorded[1]!.id)).toEqual({ stream, revision: 1n });
      expect(await store.placeOfEvent('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });
  });
}
