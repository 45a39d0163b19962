import type { AllSubscription, RecordedEvent } from '../event-store.port';

export interface SubscriptionSource {
  /** Up to `limit` events with a position strictly after `checkpoint`, in order. */
  readAfter(checkpoint: bigint, limit: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /** Calls `listener` after every append this process commits; returns the unsubscribe. */
  onAppend(listener: () => void): () => void;
}

export interface SubscriptionOptions {
  readonly checkpoint: bigint;
  readonly pageSize: number;
  /** How often to look for events written by other connections or processes. */
  readonly pollIntervalMs: number;
  /** Told when the subscription stops, so that the store can forget it. */
  readonly onStop: (subscription: SqliteAllSubscription) => void;
}

/**
 * Catch-up and live delivery are one loop: read every page after the checkpoint, then sleep until an
 * in-process append or the poll timer says there may be more. The checkpoint only moves past events
 * already handed over, and SQLite's single writer commits positions in increasing order, so the reader
 * sees every event exactly once, in order, whichever connection wrote it.
 */
export class SqliteAllSubscription implements AllSubscription {
  private stopped = false;
  /** Set by every in-process append, so one landing while the consumer is busy is not slept through. */
  private appendedSinceRead = false;
  private wake: (() => void) | undefined;
  private stopListening: (() => void) | undefined;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    // One delivery sequence per subscription, as with EventStoreDB's: iterating again continues it.
    this.iterator ??= this.deliver();
    return this.iterator;
  }

  /** Ends the iteration at its next step, including a consumer already waiting for a live event. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.stopListening?.();
      this.wake?.();
      this.options.onStop(this);
    }
    return Promise.resolve();
  }

  private async *deliver(): AsyncGenerator<RecordedEvent> {
    if (this.stopped) return;
    this.stopListening = this.source.onAppend(() => {
      this.appendedSinceRead = true;
      this.wake?.();
    });
    try {
      let checkpoint = this.options.checkpoint;
      while (!this.stopped) {
        this.appendedSinceRead = false;
        const page = await this.source.readAfter(checkpoint, this.options.pageSize);
        for (const event of page) {
          if (this.stopped) return;
          yield event;
          checkpoint = event.position;
        }
        if (page.length < this.options.pageSize && !this.appendedSinceRead) await this.nextAppendOrPoll();
      }
    } finally {
      this.stopListening();
    }
  }

  private nextAppendOrPoll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
