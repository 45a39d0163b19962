import { EventStoreConfig, EventStoreModule } from '@fundledger/event-store';
import { FundingModule } from '@fundledger/funding/application';
import { DynamicModule, Module } from '@nestjs/common';
import { reportingFigures } from '@fundledger/reporting';

/** The application core without HTTP: what every command resolves its services from. */
@Module({})
export class CliModule {
  static forRoot(store: EventStoreConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [EventStoreModule.forRoot(store), FundingModule.withFigures(reportingFigures)],
    };
  }
}
