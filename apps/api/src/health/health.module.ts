import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health-indicator';
import { HealthController } from './health.controller';
import { ReadModelHealthIndicator } from './read-model.health-indicator';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ReadModelHealthIndicator],
})
export class HealthModule {}
