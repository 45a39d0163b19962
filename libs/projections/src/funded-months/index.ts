export type { ReconciliationSource, MonthlyCost, MonthAllocation, SourceShare } from './funded-months.types';
export { FundedMonthsInputError, type FundedMonthsInputErrorCode } from './funded-months.errors';
export { monthlyCosts, type MonthlyCostsInput, type MonthlyCosts } from './monthly-costs';
export { allocateFundedMonths } from './funded-months.allocation';
export { MonthsFunded, MONTHS_FUNDED_ROUNDING, presentMonthsFunded } from './months-funded';
export {
  reconcileFundedMonths,
  type FundedMonthsInput,
  type FundedMonthsReport,
  type SourceReconciliation,
} from './funded-months.report';
export { fundedMonthsReportToJson, type FundedMonthsReportJson } from './funded-months.json';
export { fundedMonthsReportToCsv } from './funded-months.csv';
export { fundedMonthsReportToTable } from './funded-months.table';
export { reconciliationSources, fundedMonthsInputFor, fundedMonthsFor } from './award-to-reconciliation';
export { actualsFor, paymentsByMonth, type ActualsReport, type ActualSourceUse } from './actuals';
export {
  actualsReportToJson,
  actualsReportToCsv,
  actualsReportToTable,
  type ActualsReportJson,
} from './actuals.formats';
