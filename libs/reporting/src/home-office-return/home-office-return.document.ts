import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import { Money } from '@fundledger/money';
import type { AwardRecord } from '../award-record/award-record';
import { identityLines } from '../document/document-identity';
import { paragraph, table, type IdentityLine, type PrintedDocument, type TableRow } from '../document/printed-document';
import { longDate } from '../document/printed-dates';
import type { HomeOfficeReturn, SourceAmount } from './home-office-return.report';
import type { ReturnReading } from './home-office-return.versions';

/**
 * Why the return's "would lapse" differs from the certificate's: the same word, two different questions.
 * Printed wherever the return's lapse figure is.
 */
export const FORECAST_LAPSE_EXPLANATION =
  "This is the money that would be unused when each source's window ends if actual spend to date and the forecast " +
  "for the rest of the funder's window hold. A budget certificate's lapse is a different figure: what would be " +
  'unused under the planned profile at certification, before any money was spent.';

export const quarterLabel = (r: HomeOfficeReturn): string => `Q${r.quarter} ${r.financialYear}`;

/** Which submission a return is, in a line (a spreadsheet's title row and footer) and as its identity block. */
export interface ReturnIdentity {
  /** e.g. 'dapi21-cleveland Q3 2021-22, version 1 of 2' or '… Q3 2021-22, draft (not submitted)'. */
  readonly short: string;
  /** The short line with the figures hash. */
  readonly title: string;
  readonly lines: readonly IdentityLine[];
}

/**
 * The return's identity, the same in every format (CSV, xlsx, PDF, JSON): which award and funder's
 * reference, which quarter and version, submitted on and by, and the figures' hash.
 */
export const returnIdentity = (reading: ReturnReading, record: AwardRecord, checkpoint?: CheckpointStamp | null): ReturnIdentity => {
  const { report } = reading;
  const { award } = record.view;
  const submitted = reading.versions.length;
  const version =
    reading.version === null
      ? `draft: not submitted (the live figures; ${submitted} version(s) submitted)`
      : `${reading.version} of ${submitted}`;
  const short = `${award.awardId} ${quarterLabel(report)}, ${reading.version === null ? 'draft (not submitted)' : `version ${version}`}`;
  return {
    short,
    title: `${short}, figures sha256 ${reading.figuresHash}`,
    lines: identityLines(
      {
        award: { awardId: award.awardId, funder: award.funder.name, recipient: award.recipient.name, funderReference: award.decisionRef },
        subject: [
          ['Quarter', `${quarterLabel(report)} (${longDate(report.period.start)} to ${longDate(report.period.end)})`],
          ['Version', version],
          ...(reading.reason === null ? [] : [['Reason for this version', reading.reason] as const]),
        ],
        issuedOn: reading.submittedOn,
        issuedBy: reading.submittedBy,
        figuresHash: reading.figuresHash,
        figuresHashVerified: reading.figuresHashVerified,
        recorded: reading.recorded,
        ...(checkpoint === undefined ? {} : { checkpoint }),
      },
      'Submitted',
    ),
  };
};

const money = (amount: string): string => Money.fromString(amount).format();
const sourceLabel = (s: SourceAmount): string => (s.kind === 'funder' ? `${s.name} (funder)` : `${s.name} (match funding)`);
const amounts = (heading: string, others: readonly string[]) => [
  { heading, width: 1 - 0.17 * others.length },
  ...others.map((h) => ({ heading: h, width: 0.17, align: 'right' as const })),
];

/** The return as a printable document, beside the xlsx: the same sections and figures, the identity first. */
export const returnDocument = (reading: ReturnReading, record: AwardRecord, checkpoint?: CheckpointStamp | null): PrintedDocument => {
  const r = reading.report;
  const { quarter, toDate } = r.spend;
  const spendRows: TableRow[] = [
    ...quarter.bySource.map((source, i) => ({ cells: [sourceLabel(source), money(source.amount), money(toDate.bySource[i].amount)] })),
    { cells: ['Not met by any source', money(quarter.unfunded), money(toDate.unfunded)] },
    { cells: ['Funder total', money(quarter.funder), money(toDate.funder)], bold: true },
    { cells: ['Match funding total', money(quarter.match), money(toDate.match)], bold: true },
    { cells: ['Total spend', money(quarter.total), money(toDate.total)], bold: true },
  ];
  const received = r.matchFundingReceived;
  const profile = r.forecast.spendProfile === 'set' ? 'the spend profile' : 'the committed total spread evenly';
  return {
    title: `Home Office grant return, ${quarterLabel(r)}`,
    banner: {
      alert: reading.status === 'draft' || !reading.figuresHashVerified,
      text:
        reading.status === 'draft'
          ? `DRAFT: live figures of ${quarterLabel(r)}, not a submitted return`
          : `${quarterLabel(r)} return, version ${reading.version} of ${reading.versions.length}, submitted ${longDate(reading.submittedOn!)}` +
            (reading.figuresHashVerified ? '' : ': FIGURES DO NOT MATCH THEIR HASH'),
    },
    identity: returnIdentity(reading, record, checkpoint).lines,
    sections: [
      { heading: 'Actual spend by source', blocks: [table(amounts('Source', ['Quarter', 'To date']), spendRows)] },
      {
        heading: 'Match funding received',
        blocks: [
          table(amounts('Contributor', ['Quarter', 'To date']), [
            ...received.byContribution.map((c) => ({ cells: [c.contributor.name, money(c.quarter), money(c.toDate)], note: `contribution ${c.contributionId}` })),
            { cells: ['Total received', money(received.quarter), money(received.toDate)], bold: true },
          ]),
        ],
      },
      ...(r.paymentsOutsideProvision.length === 0
        ? []
        : [
            {
              heading: 'Payments dated outside the provision months',
              blocks: [
                table(amounts('Payment', ['Amount']), r.paymentsOutsideProvision.map((p) => ({
                  cells: [`${p.disbursementId}, paid ${p.paidOn}`, money(p.amount)],
                  note: `grant ${p.grantId}; provision ${p.provision.start} to ${p.provision.end}`,
                }))),
                paragraph('Accepted and counted in the month paid (late invoices happen); listed here for the funder.'),
              ],
            },
          ]),
      {
        heading: 'Spend against profile',
        blocks: [
          table(
            [
              { heading: 'Month', width: 0.12 },
              { heading: 'Planned', width: 0.15, align: 'right' },
              { heading: 'Actual', width: 0.15, align: 'right' },
              { heading: 'Variance', width: 0.15, align: 'right' },
              { heading: 'Reason for variance', width: 0.43 },
            ],
            [
              ...r.variance.months.map((m) => ({ cells: [m.month, money(m.planned), money(m.actual), money(m.variance), m.varianceReason ?? ''] })),
              ...(['quarter', 'toDate'] as const).map((which) => {
                const v = r.variance[which];
                return { cells: [which === 'quarter' ? 'Quarter' : 'To date', money(v.planned), money(v.actual), money(v.variance), ''], bold: true };
              }),
            ],
          ),
        ],
      },
      {
        heading: `Forecast to the end of the funder's window (${profile})`,
        blocks: [
          table(amounts('Month', ['Planned', 'Funder', 'Match funding', 'Not met']), [
            ...r.forecast.months.map((m) => ({ cells: [m.month, money(m.planned), money(m.funder), money(m.match), money(m.unfunded)] })),
            { cells: [`To ${r.window.end}`, money(r.forecast.total), money(r.forecast.funder), money(r.forecast.match), money(r.forecast.unfunded)], bold: true },
          ]),
        ],
      },
      {
        heading: 'Forecast underspend that would lapse',
        blocks: [
          table(amounts('Source', ['Amount']), [
            ...r.forecastLapse.bySource.map((s) => ({ cells: [sourceLabel(s), money(s.amount)] })),
            { cells: ['Funder (returnable)', money(r.forecastLapse.funder)], bold: true },
            { cells: ['Total that would lapse', money(r.forecastLapse.total)], bold: true },
          ]),
          paragraph(FORECAST_LAPSE_EXPLANATION),
        ],
      },
    ],
    about: {
      subject: `Award ${r.awardId}, ${quarterLabel(r)}`,
      author: reading.submittedBy?.id ?? 'fundledger',
      createdAt: reading.recorded?.recordedAt ?? r.asAt.recordedAt,
    },
  };
};
