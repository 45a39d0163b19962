import { toCsv } from '../csv/csv';
import { Money } from '@fundledger/money';
import { sourceColumnLabels } from './funded-months.labels';
import type { FundedMonthsReport } from './funded-months.report';
import type { ReconciliationSource, SourceShare } from './funded-months.types';

/**
 * One row per provision month and a closing totals row; a column per source in the report's source
 * order. Amounts are plain 2-dp strings so a spreadsheet reads them as numbers without a currency
 * symbol or thousands separators getting in the way.
 */
export const fundedMonthsReportToCsv = (report: FundedMonthsReport): string => {
  const header = ['month', 'cost', ...sourceColumnLabels(report.sources.map((s) => s.source)), 'shortfall'];
  const monthRows = report.months.map(({ month, cost, shares, shortfall }) => [
    month,
    cost.toString(),
    ...report.sources.map(({ source }) => shareOf(shares, source)),
    shortfall.toString(),
  ]);
  const totalsRow = [
    'total',
    report.totals.cost.toString(),
    ...report.sources.map(({ used }) => used.toString()),
    report.totals.shortfall.toString(),
  ];
  return toCsv([header, ...monthRows, totalsRow]);
};

const shareOf = (shares: readonly SourceShare[], source: ReconciliationSource): string =>
  (shares.find((share) => share.source === source)?.amount ?? Money.zero()).toString();
