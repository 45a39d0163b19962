import { EVENT_STORE, EVENT_STORE_CONFIG, EventStore, EventStoreConfig } from '@fundledger/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/** A store that takes longer than this to answer counts as down: probes must not hang with it. */
const PING_TIMEOUT_MS = 3000;

export const within = async <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_CONFIG) private readonly config: EventStoreConfig,
  ) {}

  async isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    try {
      await within(this.store.ping(), PING_TIMEOUT_MS);
      return indicator.up({ kind: this.config.kind });
    } catch (error) {
      return indicator.down({ kind: this.config.kind, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
