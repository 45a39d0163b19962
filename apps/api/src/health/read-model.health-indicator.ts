import { EVENT_STORE, EventStore } from '@fundledger/event-store';
import { LedgerProjection } from '@fundledger/projections';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { within } from './event-store.health-indicator';

const HEAD_TIMEOUT_MS = 3000;

/**
 * The read model's lag: how far its checkpoint is behind the log's head (in log positions). Down when
 * the projection has stopped, on an event it could not apply or because the store went away: from
 * then on current answers are refused, and only as-at answers (folded from the log) still work.
 */
@Injectable()
export class ReadModelHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly projection: LedgerProjection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    const { position, running, failure } = this.projection.status();
    let head: bigint;
    try {
      head = await within(this.store.headPosition(), HEAD_TIMEOUT_MS);
    } catch (error) {
      return indicator.down({ position: position.toString(), message: `the log's head is unknown: ${error instanceof Error ? error.message : String(error)}` });
    }
    const figures = { position: position.toString(), head: head.toString(), lag: (head > position ? head - position : 0n).toString() };
    if (failure !== undefined) return indicator.down({ ...figures, message: failure.reason });
    if (!running) return indicator.down({ ...figures, message: 'the projection is not following the log' });
    return indicator.up(figures);
  }
}
