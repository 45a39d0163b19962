import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { EventStoreHealthIndicator } from './event-store.health-indicator';
import { ReadModelHealthIndicator } from './read-model.health-indicator';

/** Answers without a token (DESIGN §6): load balancers and orchestrators probe it. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly store: EventStoreHealthIndicator,
    private readonly readModel: ReadModelHealthIndicator,
  ) {}

  /**
   * 200 when the event store answers and the read model follows it, 503 otherwise; the body names the
   * store kind and the read model's position, the log's head and the lag between them.
   */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.store.isHealthy('store'), () => this.readModel.isHealthy('readModel')]);
  }
}
