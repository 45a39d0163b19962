import type { AppendOptions, EventStore, EventToAppend } from '@fundledger/event-store';

/**
 * A store that, once armed, lets another writer go first just before the next append it is asked for:
 * a command that lost a race, so that specs can watch it decide again on the fresh state.
 */
export class RacingStore implements EventStore {
  private before: (() => Promise<unknown>) | undefined;

  constructor(private readonly inner: EventStore) {}

  arm(before: () => Promise<unknown>): this {
    this.before = before;
    return this;
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions) {
    const before = this.before;
    this.before = undefined;
    if (before !== undefined) await before();
    return this.inner.append(stream, events, options);
  }
  readStream = (...args: Parameters<EventStore['readStream']>) => this.inner.readStream(...args);
  readAll = (...args: Parameters<EventStore['readAll']>) => this.inner.readAll(...args);
  subscribeToAll = (...args: Parameters<EventStore['subscribeToAll']>) => this.inner.subscribeToAll(...args);
  headPosition = () => this.inner.headPosition();
  treeHeadAt = (position?: bigint) => this.inner.treeHeadAt(position);
  keepCheckpoint = (...args: Parameters<EventStore['keepCheckpoint']>) => this.inner.keepCheckpoint(...args);
  keptCheckpoint = (position: bigint) => this.inner.keptCheckpoint(position);
  ping = () => this.inner.ping();
  close = () => this.inner.close();
}
