import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import {
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type SubscribeToAllOptions as EsdbSubscribeToAllOptions,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { EventStoreDbEventStore, type EventStoreDbClient } from './eventstoredb-event-store';

/**
 * The adapter's glue (which client call, which options, what it does with the answers) against a stub
 * of @eventstore/db-client. This is NOT a test against EventStoreDB: the server's behaviour is covered
 * only by eventstoredb-event-store.int-spec.ts, which runs when EVENTSTORE_CONNECTION_STRING is set.
 */

interface StubRecord {
  readonly streamId: string;
  readonly type: string;
  readonly revision: bigint;
  readonly commit: bigint;
}

const stubEvent = ({ streamId, type, revision, commit }: StubRecord) => ({
  event: {
    streamId,
    id: `00000000-0000-4000-8000-${commit.toString().padStart(12, '0')}`,
    isJson: true,
    revision,
    type,
    created: new Date('2022-03-31T12:00:00.000Z'),
    data: { n: commit.toString() },
    metadata: undefined,
    position: { commit, prepare: commit },
  },
  commitPosition: commit,
});

/** A readable like the client's: buffered items, then an end or a failure, and a cancel that is recorded. */
const streamingRead = (items: readonly unknown[], failure?: Error) => {
  const readable = new PassThrough({ objectMode: true });
  for (const item of items) readable.write(item);
  if (failure === undefined) readable.end();
  else setImmediate(() => readable.destroy(failure));
  return Object.assign(readable, { cancel: jest.fn(async () => undefined) });
};

class StubClient {
  readonly log: StubRecord[] = [];
  /** Records a forward read of $all sees but an earlier backward read did not: appends racing a replay. */
  readonly appendedDuringRead: StubRecord[] = [];
  readonly reads: unknown[] = [];
  readonly live = Object.assign(new PassThrough({ objectMode: true }), {
    unsubscribe: jest.fn(async () => undefined),
  });
  subscribeOptions?: EsdbSubscribeToAllOptions;
  appendAnswer: () => Promise<EsdbAppendResult> = async () => ({ success: true, nextExpectedRevision: 0n });
  failReadsWith?: Error;
  readonly dispose = jest.fn(async () => undefined);

  appendToStream = jest.fn(async () => this.appendAnswer());

  readStream = (stream: string, options: EsdbReadStreamOptions = {}) => {
    this.reads.push({ stream, ...options });
    const events = this.log.filter((record) => record.streamId === stream);
    if (events.length === 0) return streamingRead([], new StreamNotFoundError(undefined, stream));
    const ordered = options.direction === 'backwards' ? [...events].reverse() : events;
    const from = options.fromRevision;
    const selected = ordered.filter(
      (record) => typeof from !== 'bigint' || (options.direction === 'backwards' ? record.revision <= from : record.revision >= from),
    );
    return streamingRead(selected.slice(0, Number(options.maxCount ?? selected.length)).map(stubEvent));
  };

  readAll = (options: EsdbReadAllOptions = {}) => {
    this.reads.push({ stream: '$all', ...options });
    if (this.failReadsWith !== undefined) return streamingRead([], this.failReadsWith);
    const from = options.fromPosition;
    const forwards = [...this.log, ...this.appendedDuringRead].filter(
      (record) => typeof from !== 'object' || record.commit >= from.commit,
    );
    const ordered = options.direction === 'backwards' ? [...this.log].reverse() : forwards;
    return streamingRead(ordered.slice(0, Number(options.maxCount ?? ordered.length)).map(stubEvent));
  };

  subscribeToAll = (options: EsdbSubscribeToAllOptions = {}) => {
    this.subscribeOptions = options;
    return this.live;
  };
}

const storeOver = (client: StubClient) => new EventStoreDbEventStore(client as unknown as EventStoreDbClient);

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const appended = { id: '3f1c1a52-2a4e-4a8e-9a55-0d5a3f0c1e01', type: 'AwardMade', data: { a: '1.00' }, metadata: {} };

describe('EventStoreDbEventStore over a stub client (no server)', () => {
  describe('append', () => {
    it('sends JSON events with their ids and the expected revision, and reports the last event’s position', async () => {
      const client = new StubClient();
      client.log.push({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 100n });
      client.log.push({ streamId: 'award-a1', type: 'GrantCommitted', revision: 1n, commit: 180n });
      client.appendAnswer = async () => ({ success: true, nextExpectedRevision: 1n, position: { commit: 100n, prepare: 100n } });

      const result = await storeOver(client).append('award-a1', [appended, { ...appended, id: 'b' }], { expectedRevision: 'no_stream' });

      expect(client.appendToStream).toHaveBeenCalledWith(
        'award-a1',
        [
          { id: appended.id, contentType: 'application/json', type: 'AwardMade', data: { a: '1.00' }, metadata: {} },
          { id: 'b', contentType: 'application/json', type: 'AwardMade', data: { a: '1.00' }, metadata: {} },
        ],
        { expectedRevision: 'no_stream' },
      );
      expect(result).toEqual({ nextExpectedRevision: 1n, position: 180n });
    });

    it('turns the server’s wrong expected version into the port’s conflict', async () => {
      const client = new StubClient();
      client.appendAnswer = async () => {
        throw new WrongExpectedVersionError(undefined, { streamName: 'award-a1', expected: 3n, current: 7n });
      };
      const failure = storeOver(client).append('award-a1', [appended], { expectedRevision: 3n });
      await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(failure).rejects.toMatchObject({ stream: 'award-a1', expected: 3n, actual: 7n });
    });

    it('reports a server it cannot reach as unavailable', async () => {
      const client = new StubClient();
      client.appendAnswer = async () => {
        throw new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
      };
      await expect(storeOver(client).append('award-a1', [appended], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
    });

    it('refuses an append of no events without calling the server', async () => {
      await expect(storeOver(new StubClient()).append('award-a1', [], { expectedRevision: 'any' })).rejects.toThrow(
        'an append to award-a1 needs at least one event',
      );
    });

    it('re-reads the position of the last event after an idempotent re-append that reports none', async () => {
      const client = new StubClient();
      client.log.push({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 100n });
      client.appendAnswer = async () => ({ success: true, nextExpectedRevision: 0n });
      await expect(storeOver(client).append('award-a1', [appended], { expectedRevision: 'no_stream' })).resolves.toEqual({
        nextExpectedRevision: 0n,
        position: 100n,
      });
    });
  });

  describe('readStream', () => {
    it('reads a stream that does not exist as empty', async () => {
      expect(await collect(storeOver(new StubClient()).readStream('award-none'))).toEqual([]);
    });

    it('reads forwards from the given revision', async () => {
      const client = new StubClient();
      client.log.push({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 100n });
      client.log.push({ streamId: 'award-a1', type: 'GrantCommitted', revision: 1n, commit: 180n });
      const events = await collect(storeOver(client).readStream('award-a1', { fromRevision: 1n }));
      expect(events.map((event) => [event.revision, event.position, event.type])).toEqual([[1n, 180n, 'GrantCommitted']]);
      expect(events[0]?.recordedAt).toBe('2022-03-31T12:00:00.000Z');
    });
  });

  describe('readAll', () => {
    const clientWithMixedLog = () => {
      const client = new StubClient();
      client.log.push({ streamId: '$settings', type: 'Settings', revision: 0n, commit: 10n });
      client.log.push({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 100n });
      client.log.push({ streamId: 'award-a1', type: '$>', revision: 1n, commit: 150n });
      client.log.push({ streamId: 'award-b2', type: 'AwardMade', revision: 0n, commit: 200n });
      client.log.push({ streamId: 'award-a1', type: 'GrantCommitted', revision: 1n, commit: 300n });
      client.log.push({ streamId: '$stats-node', type: 'StatsCollected', revision: 0n, commit: 400n });
      return client;
    };
    const positions = (events: RecordedEvent[]) => events.map((event) => event.position);

    it('skips system events and uses commit positions', async () => {
      expect(positions(await collect(storeOver(clientWithMixedLog()).readAll()))).toEqual([100n, 200n, 300n]);
    });

    it('includes both bounds and stops once past the upper one', async () => {
      const events = await collect(storeOver(clientWithMixedLog()).readAll({ fromPosition: 200n, toPosition: 200n }));
      expect(positions(events)).toEqual([200n]);
    });

    it('stops at the log’s end as it stood when reading started', async () => {
      const client = clientWithMixedLog();
      client.appendedDuringRead.push({ streamId: 'award-c3', type: 'AwardMade', revision: 0n, commit: 500n });
      expect(positions(await collect(storeOver(client).readAll()))).toEqual([100n, 200n, 300n]);
    });

    it('reports a failed read as unavailable', async () => {
      const client = clientWithMixedLog();
      client.failReadsWith = new UnavailableError(undefined, 'connect ECONNREFUSED');
      await expect(collect(storeOver(client).readAll({ toPosition: 500n }))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('headPosition and ping', () => {
    it('is the position of the last ledger event, skipping trailing system events', async () => {
      const client = new StubClient();
      client.log.push({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 100n });
      client.log.push({ streamId: '$stats-node', type: 'StatsCollected', revision: 0n, commit: 400n });
      expect(await storeOver(client).headPosition()).toBe(100n);
    });

    it('is -1n for a log with no ledger events', async () => {
      const client = new StubClient();
      client.log.push({ streamId: '$settings', type: 'Settings', revision: 0n, commit: 10n });
      expect(await storeOver(client).headPosition()).toBe(-1n);
    });

    it('pings with one bounded read and reports an unreachable server as unavailable', async () => {
      const client = new StubClient();
      await expect(storeOver(client).ping()).resolves.toBeUndefined();
      expect(client.reads).toEqual([expect.objectContaining({ stream: '$all', maxCount: 1, deadline: 5_000 })]);
      client.failReadsWith = new UnavailableError();
      await expect(storeOver(client).ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('subscribeToAll', () => {
    it('subscribes after the checkpoint with system events filtered out on the server and here', async () => {
      const client = new StubClient();
      const subscription = storeOver(client).subscribeToAll({ fromPosition: 200n });
      expect(client.subscribeOptions?.fromPosition).toEqual({ commit: 200n, prepare: 200n });
      expect(client.subscribeOptions?.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });

      client.live.write(stubEvent({ streamId: 'award-a1', type: 'AwardMade', revision: 0n, commit: 200n }));
      client.live.write(stubEvent({ streamId: '$stats-node', type: 'StatsCollected', revision: 0n, commit: 250n }));
      client.live.write(stubEvent({ streamId: 'award-a1', type: 'GrantCommitted', revision: 1n, commit: 300n }));
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value?.position).toBe(300n);
      await subscription.stop();
    });

    it('ends a waiting iteration when stopped and releases the server call', async () => {
      const client = new StubClient();
      const subscription = storeOver(client).subscribeToAll();
      const waiting = subscription[Symbol.asyncIterator]().next();
      await subscription.stop();
      await expect(waiting).resolves.toEqual({ done: true, value: undefined });
      expect(client.live.unsubscribe).toHaveBeenCalledTimes(1);
    });

    it('is stopped when the store closes, and the client is disposed', async () => {
      const client = new StubClient();
      const store = storeOver(client);
      store.subscribeToAll();
      await store.close();
      expect(client.live.unsubscribe).toHaveBeenCalledTimes(1);
      expect(client.dispose).toHaveBeenCalledTimes(1);
    });

    it('surfaces a dropped subscription as unavailable', async () => {
      const client = new StubClient();
      const subscription = storeOver(client).subscribeToAll();
      const waiting = subscription[Symbol.asyncIterator]().next();
      client.live.destroy(new UnavailableError(undefined, '14 UNAVAILABLE'));
      await expect(waiting).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('with the real client and nothing listening', () => {
    /** A port that was free a moment ago: connecting to it is refused, as with a server that is down. */
    const closedPort = async (): Promise<number> => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
      return address.port;
    };

    it('reports ping, append and a subscription as unavailable, quickly', async () => {
      const store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
      try {
        const started = Date.now();
        await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(5_000);
        await expect(store.append('award-a1', [appended], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          EventStoreUnavailableError,
        );
        await expect(store.subscribeToAll()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
          EventStoreUnavailableError,
        );
      } finally {
        await store.close();
      }
    });
  });
});
