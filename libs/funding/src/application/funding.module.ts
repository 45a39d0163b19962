import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, type Clock } from './clock';
import { FIGURES_CONTEXT, type FiguresContext } from './figures-context.port';
import { CheckFundingCommandsHandler } from './check-funding-commands.handler';
import { RecordFundingCommandHandler } from './record-funding-command.handler';

const systemClock: Clock = () => new Date();

/**
 * The write side of the funding domain on the command bus. Needs the global EventStoreModule
 * (EVENT_STORE), which the app imports once for every module. CqrsModule.forRoot() is global, so the
 * CommandBus is injectable anywhere once this module is imported.
 */
@Module({})
export class FundingModule {
  /** `figures`: what CertifyBudget and SubmitReturn pin, bound by the app (the reporting's reportingFigures). */
  static withFigures(figures: FiguresContext): DynamicModule {
    return {
      module: FundingModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        RecordFundingCommandHandler,
        CheckFundingCommandsHandler,
        { provide: CLOCK, useValue: systemClock },
        { provide: FIGURES_CONTEXT, useValue: figures },
      ],
    };
  }
}
