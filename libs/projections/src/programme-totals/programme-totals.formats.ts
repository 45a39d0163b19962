import { toCsv } from '../csv/csv';
import { Money } from '@fundledger/money';
import { renderColumns, renderFigures } from '../report-table';
import type { ProgrammeTotalsReport } from './programme-totals.report';

const gbp = (amount: string): string => Money.fromString(amount).format();

const differenceText = ({ envelopeDifference: d }: ProgrammeTotalsReport): string =>
  d.kind === 'exact' ? 'exactly the envelope' : `${gbp(d.amount)} ${d.kind} the envelope`;

/** One row per award in the order made, then the total, the envelope and the difference. */
export const programmeTotalsToCsv = (report: ProgrammeTotalsReport): string => {
  const { kind, amount } = report.envelopeDifference;
  return toCsv([
    ['awardId', 'recipientId', 'recipient', 'amount', 'runningTotal', 'pastEnvelope'],
    ...report.awards.items.map((a) => [
      a.awardId,
      a.recipient.id,
      a.recipient.name,
      a.amount,
      a.runningTotal,
      String(a.pastEnvelope),
    ]),
    ['total', '', '', report.awards.total, '', ''],
    ['envelope', '', '', report.envelope, '', ''],
    // Over or under in words with a positive amount, as the JSON says it: a sign here was read the wrong way.
    [kind === 'exact' ? 'exactly the envelope' : `${kind} envelope`, '', '', amount, '', ''],
  ]);
};

export const programmeTotalsToTable = (report: ProgrammeTotalsReport): string =>
  [
    `Programme ${report.programmeId}: ${report.name} (${report.funder.name}, ${report.financialYear})`,
    '',
    ...renderFigures([
      ['Envelope', gbp(report.envelope)],
      ['Awards', String(report.awards.count)],
      ['Total awarded', gbp(report.awards.total)],
      ['Against the envelope', differenceText(report)],
    ]),
    '',
    ...renderColumns(
      ['Award', 'Recipient', 'Amount', 'Running total', ''],
      report.awards.items.map((a) => [
        a.awardId,
        a.recipient.name,
        gbp(a.amount),
        gbp(a.runningTotal),
        a.pastEnvelope ? 'past envelope' : '',
      ]),
      ['left', 'left', 'right', 'right', 'left'],
    ),
    ...byRecipient(report),
    '',
  ].join('\n');

/** Only worth a section when some recipient holds more than one award. */
const byRecipient = (report: ProgrammeTotalsReport): string[] =>
  report.byRecipient.some((r) => r.awards.length > 1)
    ? [
        '',
        ...renderColumns(
          ['Recipient', 'Awards', 'Total'],
          report.byRecipient.map((r) => [r.recipient.name, r.awards.map((a) => a.awardId).join(', '), gbp(r.total)]),
          ['left', 'left', 'right'],
        ),
      ]
    : [];
