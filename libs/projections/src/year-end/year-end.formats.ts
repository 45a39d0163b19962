import { Money } from '@fundledger/money';
import { toCsv } from '../csv/csv';
import { renderColumns } from '../report-table';
import type { YearEndAward, YearEndReport } from './year-end.report';

const gbp = (amount: string): string => Money.fromString(amount).format();

type Row = Pick<YearEndAward, 'funderMoney' | 'matchFunding' | 'grantCommitmentsOutstanding'>;

const COLUMNS: ReadonlyArray<readonly [heading: string, figure: (row: YearEndReport['totals'] | Row) => string]> = [
  ['funderSpentInYear', (r) => r.funderMoney.spentInYear],
  ['funderSpentToDate', (r) => r.funderMoney.spentToDate],
  ['funderLapses', (r) => r.funderMoney.lapses],
  ['matchReceivedInYear', (r) => r.matchFunding.receivedInYear],
  ['matchReceivedToDate', (r) => r.matchFunding.receivedToDate],
  ['matchSpentInYear', (r) => r.matchFunding.spentInYear],
  ['matchSpentToDate', (r) => r.matchFunding.spentToDate],
  ['receiptsInAdvance', (r) => r.matchFunding.receiptsInAdvance],
  ['matchLapses', (r) => r.matchFunding.lapses],
  ['grantCommitmentsOutstanding', (r) => r.grantCommitmentsOutstanding],
];

/** One row per award, then the total; amounts as plain 2-dp numbers for a spreadsheet. */
export const yearEndToCsv = (report: YearEndReport): string =>
  toCsv([
    ['financialYear', 'asOf', 'awardId', 'recipient', 'funder', 'funderAwarded', ...COLUMNS.map(([heading]) => heading)],
    ...report.awards.map((a) => [
      report.financialYear,
      report.asOf,
      a.awardId,
      a.recipient.name,
      a.funder.name,
      a.funderMoney.awarded,
      ...COLUMNS.map(([, figure]) => figure(a)),
    ]),
    [report.financialYear, report.asOf, 'total', '', '', report.totals.funderMoney.awarded, ...COLUMNS.map(([, f]) => f(report.totals))],
  ]);

export const yearEndToTable = (report: YearEndReport): string =>
  [
    `Year end ${report.financialYear}: as of ${report.asOf}`,
    '',
    ...renderColumns(
      ['Award', 'Funder spent: year', 'to date', 'Lapses', 'Match received: year', 'Match spent: year', 'In advance', 'Commitments unpaid'],
      [...report.awards, { awardId: 'Total', ...report.totals }].map((a) => [
        a.awardId,
        gbp(a.funderMoney.spentInYear),
        gbp(a.funderMoney.spentToDate),
        gbp(Money.fromString(a.funderMoney.lapses).plus(Money.fromString(a.matchFunding.lapses)).toString()),
        gbp(a.matchFunding.receivedInYear),
        gbp(a.matchFunding.spentInYear),
        gbp(a.matchFunding.receiptsInAdvance),
        gbp(a.grantCommitmentsOutstanding),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
  ].join('\n');
