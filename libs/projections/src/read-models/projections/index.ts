import { awardPositionProjection, decisionChecksProjection, fundedMonthsProjection } from './award-reports.projection';
import { contributorStatementsProjection } from './contributor-statements.projection';
import { programmeTotalsProjection } from './programme-totals.projection';
import type { ReportProjection } from './report-projection';

export * from './report-projection';
export * from './award-reports.projection';
export * from './programme-totals.projection';
export * from './contributor-statements.projection';

/** Every query shape the service answers "now" from stored rows. */
export const REPORT_PROJECTIONS: readonly ReportProjection[] = [
  awardPositionProjection,
  fundedMonthsProjection,
  decisionChecksProjection,
  programmeTotalsProjection,
  contributorStatementsProjection,
];
