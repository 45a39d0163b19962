import { toCsv } from '../csv/csv';
import { Money } from '@fundledger/money';
import { renderColumns } from '../report-table';
import type { ContributorStatement } from './contributor-statement.report';

const FIGURES = ['pledged', 'received', 'withdrawn', 'outstanding', 'plannedUse'] as const;
const HEADINGS: Readonly<Record<(typeof FIGURES)[number], string>> = {
  pledged: 'Pledged',
  received: 'Received',
  withdrawn: 'Withdrawn',
  outstanding: 'Outstanding',
  plannedUse: 'Planned use',
};
const heading = (figure: (typeof FIGURES)[number]): string => HEADINGS[figure];

export const contributorStatementToCsv = (statement: ContributorStatement): string =>
  toCsv([
    ['awardId', 'contributionId', ...FIGURES, 'monthsFunded'],
    ...statement.contributions.map((c) => [c.awardId, c.contributionId, ...FIGURES.map((f) => c[f]), c.monthsFunded]),
    ['total', '', ...FIGURES.map((f) => statement.totals[f]), statement.totals.monthsFunded],
  ]);

export const contributorStatementToTable = (statement: ContributorStatement): string => {
  const who = statement.organisationName ?? statement.organisationId;
  if (statement.contributions.length === 0) return `${who} has made no match-funding contributions.\n`;
  const gbp = (amount: string): string => Money.fromString(amount).format();
  return [
    `Match funding contributed by ${who} (${statement.organisationId})`,
    '',
    ...renderColumns(
      ['Award', 'Recipient', 'Contribution', ...FIGURES.map(heading), 'Months funded (planned)'],
      [
        ...statement.contributions.map((c) => [
          c.awardId,
          c.recipient.name,
          c.contributionId,
          ...FIGURES.map((f) => gbp(c[f])),
          c.monthsFunded,
        ]),
        ['Total', '', '', ...FIGURES.map((f) => gbp(statement.totals[f])), statement.totals.monthsFunded],
      ],
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    'Planned use and months funded are what the planned spend profile would draw from each contribution; received is money in.',
    '',
  ].join('\n');
};
