import { stringify } from 'csv-stringify/sync';
import { Money } from '@fundledger/money';
import { renderColumns, renderFigures } from '../report-table';
import type { ProgrammeTotalsReport } from './programme-totals.report';

const gbp = (amount: string): string => Money.fromString(amount).format();

const differenceText = ({ envelopeDifference: d }: ProgrammeTotalsReport): string =>
  d.kind === 'exact' ? 'exactly the envelope' : `${gbp(d.amount)} ${d.kind} the envelope`;

/** One row per award in the order made, then the total, the envelope and the difference. */
export const programmeTotalsToCsv = (report: ProgrammeTotalsReport): string => {
  const { kind, amount } = report.envelopeDifference;
  const signed = kind === 'under' ? `-${amount}` : amount;
  return stringify([
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
    // Signed: positive over the envelope, negative under it.
    ['over envelope', '', '', signed, '', ''],
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
