import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { EventStoreHealthIndicator } from './event-store.health-indicator';

/** Answers without a token (DESIGN §6): load balancers and orchestrators probe it. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly store: EventStoreHealthIndicator,
  ) {}

  /** 200 when the event store answers, 503 when it does not; the body names the store kind either way. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.store.isHealthy('store')]);
  }
}
