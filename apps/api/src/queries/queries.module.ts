import { Module } from '@nestjs/common';
import { AwardQueriesController } from './award-queries.controller';
import { ContributorQueriesController } from './contributor-queries.controller';
import { LedgerAnswers } from './ledger-answer';
import { ProgrammeQueriesController } from './programme-queries.controller';
import { YearEndQueriesController } from './year-end-queries.controller';

/** The reports over HTTP. Needs the global ReadModelsModule (LEDGER_READER), which the app imports with its configuration. */
@Module({
  controllers: [AwardQueriesController, ProgrammeQueriesController, ContributorQueriesController, YearEndQueriesController],
  providers: [LedgerAnswers],
})
export class QueriesModule {}
