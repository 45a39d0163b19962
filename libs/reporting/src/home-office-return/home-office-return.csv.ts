import { stringify } from 'csv-stringify/sync';
import { checkpointStampLine, type CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import type { HomeOfficeReturn, SourceAmount, SpendSplit } from './home-office-return.report';

type Row = [section: string, line: string, period: string, value: string, note: string];

const sourceLine = (s: SourceAmount): string =>
  s.kind === 'funder' ? `${s.name} (funder)` : `${s.name} (match ${s.contributionId})`;

const splitRows = (period: string, split: SpendSplit): Row[] => [
  ...split.bySource.map((s): Row => ['actual spend', sourceLine(s), period, s.amount, '']),
  ['actual spend', 'not met by any source', period, split.unfunded, ''],
  ['actual spend', 'funder total', period, split.funder, ''],
  ['actual spend', 'match funding total', period, split.match, ''],
  ['actual spend', 'total', period, split.total, ''],
];

/**
 * One figure a row, so the file reads the same in a spreadsheet and in a script: section, line,
 * period (quarter, to date, or a month), value (amounts as 2-dp strings) and a note (variance reasons).
 */
export const homeOfficeReturnToCsv = (r: HomeOfficeReturn, checkpoint?: CheckpointStamp): string => {
  const quarterLabel = `Q${r.quarter} ${r.financialYear}`;
  const rows: Row[] = [
    ['return', 'award', '', r.awardId, ''],
    ['return', 'funder', '', r.funder.name, r.funder.id],
    ['return', 'recipient', '', r.recipient.name, r.recipient.id],
    ['return', 'quarter', quarterLabel, `${r.period.start} to ${r.period.end}`, ''],
    ['return', 'eligibility window', '', `${r.window.start} to ${r.window.end}`, ''],
    ['return', 'as at stream revision', '', r.asAt.revision, r.asAt.recordedAt],
    ...(checkpoint === undefined ? [] : [['return', 'ledger checkpoint', '', checkpointStampLine(checkpoint), ''] satisfies Row]),
    ...splitRows('quarter', r.spend.quarter),
    ...splitRows('to date', r.spend.toDate),
    ...r.matchFundingReceived.byContribution.flatMap((c): Row[] => [
      ['match funding received', `${c.contributor.name} (${c.contributionId})`, 'quarter', c.quarter, ''],
      ['match funding received', `${c.contributor.name} (${c.contributionId})`, 'to date', c.toDate, ''],
    ]),
    ['match funding received', 'total', 'quarter', r.matchFundingReceived.quarter, ''],
    ['match funding received', 'total', 'to date', r.matchFundingReceived.toDate, ''],
    ...r.variance.months.flatMap((m): Row[] => [
      ['variance against profile', 'planned', m.month, m.planned, ''],
      ['variance against profile', 'actual', m.month, m.actual, ''],
      ['variance against profile', 'variance', m.month, m.variance, m.varianceReason ?? ''],
    ]),
    ...(['quarter', 'toDate'] as const).flatMap((which): Row[] => {
      const period = which === 'quarter' ? 'quarter' : 'to date';
      const v = r.variance[which];
      return [
        ['variance against profile', 'planned', period, v.planned, ''],
        ['variance against profile', 'actual', period, v.actual, ''],
        ['variance against profile', 'variance', period, v.variance, ''],
      ];
    }),
    ...r.forecast.months.flatMap((m): Row[] => [
      ['forecast', 'planned', m.month, m.planned, r.forecast.spendProfile === 'flat' ? 'committed total spread evenly' : ''],
      ['forecast', 'funder', m.month, m.funder, ''],
      ['forecast', 'match funding', m.month, m.match, ''],
      ['forecast', 'not met by any source', m.month, m.unfunded, ''],
    ]),
    ['forecast', 'total to window end', r.window.end, r.forecast.total, ''],
    ['forecast', 'funder to window end', r.window.end, r.forecast.funder, ''],
    ['forecast', 'match funding to window end', r.window.end, r.forecast.match, ''],
    ...r.forecastLapse.bySource.map((s): Row => ['forecast lapse', sourceLine(s), 'window end', s.amount, '']),
    ['forecast lapse', 'funder (returnable)', 'window end', r.forecastLapse.funder, ''],
    ['forecast lapse', 'total', 'window end', r.forecastLapse.total, ''],
  ];
  return stringify([['section', 'line', 'period', 'value', 'note'], ...rows]);
};
