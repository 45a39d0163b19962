import type { AllSubscription } from '../event-store.port';
import {
  anEvent,
  drainUntilDone,
  events,
  idsOf,
  inStreams,
  nextMatching,
  uniqueStream,
  type StoreUnderTest,
} from './contract-fixtures';

/** Subscriptions to the whole log: catch-up, then live, in order, from an exclusive checkpoint. */
export const describeSubscriptionContract = (store: StoreUnderTest): void => {
  describe('subscribing to the whole log', () => {
    const open: AllSubscription[] = [];
    const subscribe = (fromPosition?: bigint): AllSubscription => {
      const subscription = store().subscribeToAll(fromPosition === undefined ? {} : { fromPosition });
      open.push(subscription);
      return subscription;
    };
    /** From the current end of the log; an empty log has no position to start after. */
    const subscribeFromHead = async (): Promise<AllSubscription> => {
      const head = await store().headPosition();
      return subscribe(head < 0n ? undefined : head);
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((subscription) => subscription.stop()));
    });

    it('catches up with what is recorded, then delivers new events live, in order', async () => {
      const [a, b] = [uniqueStream('SubA'), uniqueStream('SubB')];
      const head = await store().headPosition();
      const earlier = [anEvent(), anEvent()];
      await store().append(a, earlier, { expectedRevision: 'no_stream' });
      const earlierB = anEvent();
      await store().append(b, [earlierB], { expectedRevision: 'no_stream' });

      const iterator = subscribe(head < 0n ? undefined : head)[Symbol.asyncIterator]();
      const caughtUp = await nextMatching(iterator, 3, inStreams(a, b));
      expect(idsOf(caughtUp)).toEqual([...idsOf(earlier), earlierB.id]);

      const later = [anEvent(), anEvent()];
      const delivered = nextMatching(iterator, 4, inStreams(a, b));
      await store().append(b, later.slice(0, 1), { expectedRevision: 0n });
      await store().append(a, later.slice(1), { expectedRevision: 1n });
      const lastBatch = events(2);
      await store().append(a, lastBatch, { expectedRevision: 2n });

      const live = await delivered;
      expect(idsOf(live)).toEqual([...idsOf(later), ...idsOf(lastBatch)]);
      const positions = [...caughtUp, ...live].map(({ position }) => position);
      expect([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(positions);
    });

    it('delivers from the start of the log when given no checkpoint', async () => {
      const stream = uniqueStream('SubStart');
      const batch = events(3);
      await store().append(stream, batch, { expectedRevision: 'no_stream' });

      const delivered = await nextMatching(subscribe()[Symbol.asyncIterator](), 3, inStreams(stream), 30_000);
      expect(idsOf(delivered)).toEqual(idsOf(batch));
    });

    it('starts strictly after the checkpoint', async () => {
      const stream = uniqueStream('SubCheckpoint');
      const [first, ...rest] = events(3);
      const checkpoint = await store().append(stream, [first!], { expectedRevision: 'no_stream' });
      await store().append(stream, rest, { expectedRevision: 0n });

      const delivered = await nextMatching(subscribe(checkpoint.position)[Symbol.asyncIterator](), 2, inStreams(stream));
      expect(idsOf(delivered)).toEqual(idsOf(rest));
      expect(delivered[0]!.position).toBeGreaterThan(checkpoint.position);
    });

    it('delivers a burst of appends without gaps or duplicates', async () => {
      const stream = uniqueStream('SubBurst');
      const subscription = await subscribeFromHead();
      const iterator = subscription[Symbol.asyncIterator]();
      const delivered = nextMatching(iterator, 50, inStreams(stream));
      const appended: string[] = [];
      for (let revision = 0; revision < 50; revision += 1) {
        const event = anEvent({ revision });
        appended.push(event.id);
        await store().append(stream, [event], { expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1) });
      }
      expect(idsOf(await delivered)).toEqual(appended);
    });

    it('stop ends an iteration that is waiting for live events, promptly, and may be repeated', async () => {
      const subscription = await subscribeFromHead();
      const iterator = subscription[Symbol.asyncIterator]();
      const ended = drainUntilDone(iterator, 2_000);
      await new Promise((resolve) => setTimeout(resolve, 50));

      await subscription.stop();
      await ended;
      await expect(subscription.stop()).resolves.toBeUndefined();
      await expect(iterator.next()).resolves.toEqual(expect.objectContaining({ done: true }));
    });
  });
};
