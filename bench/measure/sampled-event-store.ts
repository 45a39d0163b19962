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
  TreeHead,
} from '@fundledger/event-store';
import type { MemoryPeakSampler } from './memory-peak.sampler';

/** Events between two memory samples while the log is read: one SQLite page's worth. */
const SAMPLE_EVERY = 500;

/**
 * The store under test, unchanged, except that reading the log samples memory as it goes: the folds
 * (rebuild, as-at) run without ever yielding to a timer, so this is where their peak can be seen.
 */
export class SampledEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly sampler: MemoryPeakSampler,
  ) {}

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    return this.inner.append(stream, events, options);
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.sampled(this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  treeHeadAt(position?: bigint): Promise<TreeHead> {
    return this.inner.treeHeadAt(position);
  }

  keepCheckpoint(lastPosition: bigint, checkpoint: JsonObject): Promise<void> {
    return this.inner.keepCheckpoint(lastPosition, checkpoint);
  }

  keptCheckpoint(lastPosition: bigint): Promise<JsonObject | undefined> {
    return this.inner.keptCheckpoint(lastPosition);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async *sampled(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    let count = 0;
    for await (const event of events) {
      if (++count % SAMPLE_EVERY === 0) this.sampler.sample();
      yield event;
    }
    this.sampler.sample();
  }
}
