import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { ClientSideLogTree } from '../merkle/log-tree';
import type { TreeHead } from '../merkle/tree-head';
import {
  KEPT_CHECKPOINTS_STREAM,
  globalPositionOf,
  isStreamNotFound,
  isSystemEvent,
  toEsdbExpectedRevision,
  toReadPosition,
  toRecordedEvent,
  translateStoreError,
} from './eventstoredb-mapping';

/** The part of the client the adapter uses; a narrower type keeps the adapter's reach visible. */
export type EventStoreDbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** A health check must answer quickly even when the server does not. */
const PING_DEADLINE_MS = 5_000;

interface ClientRead<T> extends AsyncIterable<T> {
  /** Ends the server call; reading on after a consumer stops would hold a gRPC stream open. */
  readonly end: () => Promise<void>;
}

/**
 * Yields what a client read yields, translating the read's failures into the port's errors, and always
 * ends the gRPC call, whether the read finished, failed or its consumer stopped early.
 */
async function* clientItems<T>(
  read: ClientRead<T>,
  operation: string,
  missingStreamIsEmpty = false,
): AsyncGenerator<T> {
  try {
    for await (const item of read) yield item;
  } catch (error) {
    if (missingStreamIsEmpty && isStreamNotFound(error)) return;
    throw translateStoreError(error, operation);
  } finally {
    await read.end();
  }
}

const fromStreamingRead = <T>(read: AsyncIterable<T> & { cancel(): Promise<void> }): ClientRead<T> => ({
  [Symbol.asyncIterator]: () => read[Symbol.asyncIterator](),
  end: () => read.cancel(),
});

/**
 * The ledger's events of one read, with their global (commit) positions. EventStoreDB's own events
 * ($-streams, $-types, links) are not the ledger's and are skipped wherever they appear.
 */
async function* ledgerEvents(items: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): AsyncGenerator<RecordedEvent> {
  for await (const { event, commitPosition } of items) {
    if (event === undefined || isSystemEvent(event)) continue;
    yield toRecordedEvent(event, globalPositionOf(event, commitPosition));
  }
}

/**
 * The EventStore port on EventStoreDB through @eventstore/db-client (gRPC). Concurrency and idempotency
 * are EventStoreDB's own: an append is checked against the expected revision on the server, and
 * re-appending the same event ids at the same place succeeds without writing again.
 *
 * Not enforced here: EventStoreDB lets one event id appear in two different streams, so the SQLite
 * adapter's DuplicateEventIdError has no equivalent on this store.
 *
 * The Merkle tree over the log is folded on the client from $all (ClientSideLogTree): EventStoreDB has
 * no transaction to keep it in beside the append, and verify recomputes it from the events anyway.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly tree = new ClientSideLogTree((options) => this.readAll(options));

  constructor(private readonly client: EventStoreDbClient) {}

  /** `esdb://host:2113?tls=false` for one node, `esdb://a:2113,b:2113,c:2113` for a cluster. */
  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    // An empty append has nothing to make atomic or idempotent; it is a caller's mistake, refused as
    // the SQLite adapter refuses it (EventStoreDB would accept it and answer with a made-up revision).
    if (events.length === 0) throw new RangeError(`an append to ${stream} needs at least one event`);
    const expectedRevision = toEsdbExpectedRevision(options.expectedRevision);
    const eventData = events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata }));
    let nextExpectedRevision: bigint;
    let appendPosition: bigint | undefined;
    try {
      const result = await this.client.appendToStream(stream, eventData, { expectedRevision });
      nextExpectedRevision = result.nextExpectedRevision;
      appendPosition = result.position?.commit;
    } catch (error) {
      throw translateStoreError(error, `append to ${stream}`, { stream, expected: options.expectedRevision });
    }
    // The port promises the last event's position. The server's append position is not documented to be
    // that, and an idempotent re-append may come back without one, so it is read from the event itself.
    const last = await this.eventAt(stream, nextExpectedRevision);
    return { nextExpectedRevision, position: last?.position ?? appendPosition ?? -1n };
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return this.readStreamEvents(stream, options.fromRevision ?? 0n);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.readAllEvents(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const checkpoint = options.fromPosition ?? -1n;
    const live = this.client.subscribeToAll({
      fromPosition: toReadPosition(checkpoint),
      filter: excludeSystemEvents(),
    });
    // A failure while nobody iterates must not crash the process; the readable keeps the error and the
    // next iteration throws it.
    live.on('error', () => undefined);
    let released = false;
    let stopped = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      this.subscriptions.delete(subscription);
      await live.unsubscribe();
      // Cancelling the gRPC call does not end the client's readable; destroying it releases a pending read.
      live.destroy();
    };
    // Only a stop the consumer asked for ends the iteration quietly; a dropped subscription is an error.
    const stop = async (): Promise<void> => {
      stopped = true;
      await release();
    };
    const items = clientItems<AllStreamResolvedEvent>(
      { [Symbol.asyncIterator]: () => live[Symbol.asyncIterator](), end: release },
      'subscription to $all',
    );
    async function* deliver(): AsyncGenerator<RecordedEvent> {
      try {
        for await (const event of ledgerEvents(items)) {
          // The checkpoint is exclusive; the server agrees, this guards against a replayed boundary event.
          if (event.position > checkpoint) yield event;
        }
      } catch (error) {
        if (!stopped) throw error;
      }
    }
    const events = deliver();
    const subscription: AllSubscription = {
      [Symbol.asyncIterator]: () => events,
      stop,
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const backwards = this.client.readAll({ fromPosition: END, direction: BACKWARDS });
    for await (const event of ledgerEvents(clientItems(fromStreamingRead(backwards), 'read of $all'))) {
      return event.position;
    }
    return -1n;
  }

  treeHeadAt(position?: bigint): Promise<TreeHead> {
    return this.tree.headAt(position);
  }

  /** One event per checkpoint in a stream of their own, which every ledger read skips (isSystemEvent). */
  async keepCheckpoint(lastPosition: bigint, checkpoint: JsonObject): Promise<void> {
    if ((await this.keptCheckpoint(lastPosition)) !== undefined) return;
    const event = jsonEvent({ type: 'CheckpointKept', data: { lastPosition: lastPosition.toString(), checkpoint } });
    try {
      await this.client.appendToStream(KEPT_CHECKPOINTS_STREAM, [event]);
    } catch (error) {
      throw translateStoreError(error, `append to ${KEPT_CHECKPOINTS_STREAM}`);
    }
  }

  async keptCheckpoint(lastPosition: bigint): Promise<JsonObject | undefined> {
    const read = this.client.readStream(KEPT_CHECKPOINTS_STREAM, { direction: FORWARDS });
    for await (const { event } of clientItems(fromStreamingRead(read), `read of ${KEPT_CHECKPOINTS_STREAM}`, true)) {
      const data = event?.data as { lastPosition?: string; checkpoint?: JsonObject } | undefined;
      if (data?.lastPosition === lastPosition.toString()) return data.checkpoint;
    }
    return undefined;
  }

  async ping(): Promise<void> {
    const probe = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, deadline: PING_DEADLINE_MS });
    // Any answer, even an empty log, shows the store is reachable; only a failure matters.
    for await (const _ of clientItems(fromStreamingRead(probe), 'ping'));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private async *readStreamEvents(stream: string, fromRevision: bigint): AsyncGenerator<RecordedEvent> {
    const read = this.client.readStream(stream, { fromRevision, direction: FORWARDS });
    yield* ledgerEvents(clientItems(fromStreamingRead(read), `read of ${stream}`, true));
  }

  private async *readAllEvents({ fromPosition, toPosition }: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    // Without an upper bound the read stops at the log's end as it stood when reading started, so that a
    // replay does not chase events appended while it runs.
    const upTo = toPosition ?? (await this.lastRecordPosition());
    const from = fromPosition ?? 0n;
    if (upTo < from) return;
    const read = this.client.readAll({ fromPosition: toReadPosition(from), direction: FORWARDS });
    for await (const event of ledgerEvents(clientItems(fromStreamingRead(read), 'read of $all'))) {
      if (event.position > upTo) return;
      if (event.position >= from) yield event;
    }
  }

  /** Position of the last record in $all, system or not; -1n for an empty log. */
  private async lastRecordPosition(): Promise<bigint> {
    const last = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    for await (const { event, commitPosition } of clientItems(fromStreamingRead(last), 'read of $all')) {
      if (event !== undefined) return globalPositionOf(event, commitPosition);
    }
    return -1n;
  }

  private async eventAt(stream: string, revision: bigint): Promise<RecordedEvent | undefined> {
    if (revision < 0n) return undefined;
    const read = this.client.readStream(stream, { fromRevision: revision, direction: FORWARDS, maxCount: 1 });
    for await (const event of ledgerEvents(clientItems(fromStreamingRead(read), `read of ${stream}`, true))) {
      return event;
    }
    return undefined;
  }
}
