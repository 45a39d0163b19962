import { toCsv } from '../csv/csv';
import { Money } from '@fundledger/money';
import { monthLabel, renderColumns, type Align } from '../report-table';
import type { ActualsReport } from './actuals';
import { sourceColumnLabels } from './funded-months.labels';
import type { MonthAllocation, ReconciliationSource } from './funded-months.types';

/** The wire form: amounts as 2-dp strings. */
export interface ActualsReportJson {
  awardId: string;
  upTo: string | null;
  period: { start: string; end: string } | null;
  months: Array<{
    month: string;
    paid: string;
    shares: Array<{ sourceId: string; contributionId?: string; amount: string }>;
    shortfall: string;
  }>;
  sources: Array<{
    sourceId: string;
    kind: 'award' | 'match';
    contributionId?: string;
    available: string;
    used: string;
    remaining: string;
    byMonth: Array<{ month: string; amount: string }>;
  }>;
  totals: { paid: string; funded: string; shortfall: string };
}

const identify = (source: ReconciliationSource): { sourceId: string; contributionId?: string } =>
  source.contributionId === undefined
    ? { sourceId: source.sourceId }
    : { sourceId: source.sourceId, contributionId: source.contributionId };

const shareOf = (month: MonthAllocation, source: ReconciliationSource): Money =>
  month.shares.find((share) => share.source === source)?.amount ?? Money.zero();

export const actualsReportToJson = (report: ActualsReport): ActualsReportJson => ({
  awardId: report.awardId,
  upTo: report.upTo,
  period: report.period === null ? null : { ...report.period },
  months: report.months.map(({ month, cost, shares, shortfall }) => ({
    month,
    paid: cost.toString(),
    shares: shares.map(({ source, amount }) => ({ ...identify(source), amount: amount.toString() })),
    shortfall: shortfall.toString(),
  })),
  sources: report.sources.map(({ source, used, remaining, byMonth }) => ({
    ...identify(source),
    kind: source.kind,
    available: source.available.toString(),
    used: used.toString(),
    remaining: remaining.toString(),
    byMonth: byMonth.map(({ month, amount }) => ({ month, amount: amount.toString() })),
  })),
  totals: {
    paid: report.totals.paid.toString(),
    funded: report.totals.funded.toString(),
    shortfall: report.totals.shortfall.toString(),
  },
});

/** One row per month and a totals row; a column per source, as the funded-months CSV. */
export const actualsReportToCsv = (report: ActualsReport): string => {
  const sources = report.sources.map((s) => s.source);
  return toCsv([
    ['month', 'paid', ...sourceColumnLabels(sources), 'shortfall'],
    ...report.months.map((m) => [
      m.month,
      m.cost.toString(),
      ...sources.map((s) => shareOf(m, s).toString()),
      m.shortfall.toString(),
    ]),
    [
      'total',
      report.totals.paid.toString(),
      ...report.sources.map((s) => s.used.toString()),
      report.totals.shortfall.toString(),
    ],
  ]);
};

export const actualsReportToTable = (report: ActualsReport): string => {
  const sources = report.sources.map((s) => s.source);
  const labels = sourceColumnLabels(sources);
  const period =
    report.period === null ? 'no months' : `${monthLabel(report.period.start)} to ${monthLabel(report.period.end)}`;
  return [
    `Actual spend for award ${report.awardId}, by source (payments by month paid, net of reversals)`,
    `Months: ${period}${report.upTo === null ? '' : ` (up to ${monthLabel(report.upTo)})`}`,
    '',
    ...renderColumns(
      ['Month', 'Paid', ...labels, 'Unfunded'],
      [
        ...report.months.map((m) => [
          monthLabel(m.month),
          m.cost.format(),
          ...sources.map((s) => shareOf(m, s).format()),
          m.shortfall.format(),
        ]),
        [
          'Total',
          report.totals.paid.format(),
          ...report.sources.map((s) => s.used.format()),
          report.totals.shortfall.format(),
        ],
      ],
      ['left', 'right', ...labels.map((): Align => 'right'), 'right'],
    ),
    '',
    ...renderColumns(
      ['Source', 'Available', 'Used to date', 'Remaining'],
      report.sources.map((s, i) => [labels[i], s.source.available.format(), s.used.format(), s.remaining.format()]),
      ['left', 'right', 'right', 'right'],
    ),
    '',
  ].join('\n');
};
