import { toCsv } from '../csv/csv';
import { Money } from '@fundledger/money';
import { renderColumns } from '../report-table';
import type { DecisionChecksReport, FigureCheck } from './decision-checks.report';

const FIGURE_NAMES = { awardAmount: 'Award amount', matchTotal: 'Match funding', grantsTotal: 'Grants total' } as const;

const gbp = (amount: string): string => Money.fromString(amount).format();
/** A difference people can read at a glance: "+£1,000.00", "-£208.67", "£0.00". */
const signed = (amount: string): string => {
  const money = Money.fromString(amount);
  return money.isPositive() ? `+${money.format()}` : money.format();
};
const verdict = (c: FigureCheck): string => (c.status === 'match' ? 'match' : `MISMATCH ${signed(c.difference)}`);

export const decisionChecksToCsv = (report: DecisionChecksReport): string =>
  toCsv([
    [
      ...['decisionRef', 'figure', 'declared'],
      ...['ledgerAtDecision', 'statusAtDecision', 'differenceAtDecision'],
      ...['ledgerNow', 'statusNow', 'differenceNow'],
    ],
    ...report.decisions.flatMap((d) =>
      d.figures.map(({ figure, atDecision, now }) => [
        d.decisionRef,
        figure,
        atDecision.declared,
        atDecision.ledger,
        atDecision.status,
        atDecision.difference,
        now.ledger,
        now.status,
        now.difference,
      ]),
    ),
  ]);

export const decisionChecksToTable = (report: DecisionChecksReport): string => {
  const decisions = report.decisions.flatMap((d) =>
    d.figures.map(({ figure, atDecision, now }) => [
      d.decisionRef,
      FIGURE_NAMES[figure],
      gbp(atDecision.declared),
      gbp(atDecision.ledger),
      verdict(atDecision),
      gbp(now.ledger),
      verdict(now),
    ]),
  );
  const variations = report.amountVariations.map((v) => [
    gbp(v.from),
    gbp(v.to),
    signed(v.difference),
    [v.reference, v.reason].filter(Boolean).join(': '),
  ]);
  return [
    `Decision checks for award ${report.awardId}: ${report.mismatches.atDecision} mismatch(es) when recorded, ` +
      `${report.mismatches.now} now`,
    '',
    ...(decisions.length === 0
      ? ['No declared figures recorded.']
      : renderColumns(
          ['Decision', 'Figure', 'Declared', 'Ledger then', 'Then', 'Ledger now', 'Now'],
          decisions,
          ['left', 'left', 'right', 'right', 'left', 'right', 'left'],
        )),
    ...(variations.length === 0
      ? []
      : [
          '',
          'Award amount varied:',
          ...renderColumns(['From', 'To', 'Difference', 'Reference'], variations, ['right', 'right', 'right', 'left']),
        ]),
    '',
  ].join('\n');
};
