import { Module } from '@nestjs/common';
import { AwardRecordsModule } from '../award-records/award-records.module';
import { AwardQueriesController } from './award-queries.controller';
import { ContributorQueriesController } from './contributor-queries.controller';
import { FigureLineageController } from './figure-lineage.controller';
import { LedgerAnswers } from './ledger-answer';
import { ProgrammeQueriesController } from './programme-queries.controller';
import { YearEndQueriesController } from './year-end-queries.controller';

/** The reports over HTTP. Needs the global ReadModelsModule (LEDGER_READER), which the app imports with its configuration. */
@Module({
  imports: [AwardRecordsModule],
  controllers: [
    AwardQueriesController,
    ProgrammeQueriesController,
    ContributorQueriesController,
    YearEndQueriesController,
    FigureLineageController,
  ],
  providers: [LedgerAnswers],
})
export class QueriesModule {}
