import { AuditModule, type SigningKeySource } from '@fundledger/audit';
import { EventStoreConfig, EventStoreModule } from '@fundledger/event-store';
import { FundingModule } from '@fundledger/funding/application';
import { DynamicModule, Module } from '@nestjs/common';
import { reportingFigures } from '@fundledger/reporting';

/** The application core without HTTP: what every command resolves its services from. */
@Module({})
export class CliModule {
  static forRoot(store: EventStoreConfig, signingKey: SigningKeySource): DynamicModule {
    return {
      module: CliModule,
      // The key is loaded only by a command that signs or verifies: `status` never creates one.
      imports: [
        EventStoreModule.forRoot(store),
        FundingModule.withFigures(reportingFigures),
        AuditModule.forRoot(signingKey, { loadKeyAtStart: false }),
      ],
    };
  }
}
