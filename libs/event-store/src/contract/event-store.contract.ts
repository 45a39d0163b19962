import type { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';
import { describeTreeContract } from './tree.contract';

/**
 * The behaviour every EventStore adapter must share, run by each adapter's integration spec. Each test
 * opens a fresh store, writes only to streams of its own and looks only at those, so the suite also
 * runs against a long-lived EventStoreDB that is never reset.
 */
export function describeEventStoreContract(name: string, openStore: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore | undefined;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const storeUnderTest = (): EventStore => {
      if (store === undefined) throw new Error('the contract opens a store before each test');
      return store;
    };

    describeAppendContract(storeUnderTest);
    describeReadContract(storeUnderTest);
    describeSubscriptionContract(storeUnderTest);
    describeTreeContract(storeUnderTest);
  });
}
