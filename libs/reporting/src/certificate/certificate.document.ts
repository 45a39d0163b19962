import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import type { JsonObject, JsonValue } from '@fundledger/event-store';
import type { CertificateAcknowledgement, DeclaredTotals } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import type { AwardRecord } from '../award-record/award-record';
import { actorText, identityLines } from '../document/document-identity';
import { paragraph, table, type DocumentBlock, type DocumentSection, type PrintedDocument, type TableRow } from '../document/printed-document';
import { longDate, longMonth } from '../document/printed-dates';
import { flattenFigures, formatFigure } from './certification-figures';
import { basisText, REGULATIONS_TEXT, type CertificateReading, type EventSince, type FigureChange } from './certificate-status';

const money = (value: JsonValue): string => (typeof value === 'string' ? Money.fromString(value).format() : '—');
const signed = (amount: Money): string => (amount.isPositive() ? `+${amount.format()}` : amount.format());

/** The certified figure each declared total is checked against. */
const LEDGER_FIGURE: Readonly<Record<keyof DeclaredTotals, { readonly figure: string; readonly label: string }>> = {
  awardAmount: { figure: 'awardAmount', label: 'Award amount' },
  matchTotal: { figure: 'matchFundingNet', label: 'Match funding total' },
  grantsTotal: { figure: 'committed', label: 'Grants total' },
};

export interface DeclaredCheck {
  readonly label: string;
  readonly declared: Money;
  readonly ledger: Money;
  /** declared − ledger. */
  readonly difference: Money;
}

/** The decision's declared totals against the figures certified: what DECISION_TOTAL_MISMATCH acknowledges. */
export const declaredChecks = (declared: DeclaredTotals, figures: JsonObject): DeclaredCheck[] =>
  (Object.keys(LEDGER_FIGURE) as (keyof DeclaredTotals)[]).flatMap((name) => {
    const stated = declared[name];
    if (stated === undefined) return [];
    const ledger = Money.fromString(String(figures[LEDGER_FIGURE[name].figure]));
    const value = Money.fromString(stated);
    return [{ label: LEDGER_FIGURE[name].label, declared: value, ledger, difference: value.minus(ledger) }];
  });

export const ACKNOWLEDGEMENT_TITLES: Readonly<Record<CertificateAcknowledgement, string>> = {
  DECISION_TOTAL_MISMATCH: 'The decision’s declared totals differ from the ledger',
  PLANNED_SHORTFALL: 'Part of the planned cost of provision is met by no source',
};

/** The certificate's status in one line, the first thing on every page and in every format. */
export const certificateBanner = (reading: CertificateReading): PrintedDocument['banner'] => {
  const { status } = reading;
  const moved = status.movementsSince.length;
  const movements = moved === 0 ? '' : `; ${moved} payment(s) or receipt(s) since`;
  return status.status === 'stale'
    ? {
        alert: true,
        text: `STALE: the certified budget has changed since certification (${status.eventsSince.length} change(s), revision ${status.asAtRevision})`,
      }
    : { alert: false, text: `CURRENT at revision ${status.asAtRevision}: the certified budget is unchanged${movements}` };
};

const eventRows = (events: readonly EventSince[]): TableRow[] =>
  events.map((e) => ({ cells: [e.summary, `${e.revision}`, e.recordedAt.slice(0, 10)] }));

const eventsTable = (events: readonly EventSince[]): DocumentBlock =>
  table(
    [
      { heading: 'Recorded since certification', width: 0.7 },
      { heading: 'Revision', width: 0.12, align: 'right' },
      { heading: 'Recorded on', width: 0.18, align: 'right' },
    ],
    eventRows(events),
  );

const changesTable = (changes: readonly FigureChange[], label: (figure: string, fallback: string) => string): DocumentBlock =>
  table(
    [
      { heading: 'Figure', width: 0.5 },
      { heading: 'Certified', width: 0.25, align: 'right' },
      { heading: 'Now', width: 0.25, align: 'right' },
    ],
    changes.map((c) => ({ cells: [label(c.figure, c.label), formatFigure(c.before), formatFigure(c.after)] })),
  );

/**
 * The certificate as the officer signs it: the budget certified first, by organisation name; the decision
 * and its declared totals against the ledger with every difference; what the officer acknowledged; the
 * basis and (d) in full; the signature block (the officer named in the certificate and the authenticated
 * subject who issued it); then what has happened since, and every pinned figure with the hash.
 */
export const certificateDocument = (reading: CertificateReading, record: AwardRecord, checkpoint?: CheckpointStamp | null): PrintedDocument => {
  const { certificate, status } = reading;
  const { data } = certificate;
  const { award } = record.view;
  const figures = data.figures as JsonObject;
  const decision = [...award.decisions].reverse().find((d) => d.decisionRef === data.decisionRef);
  const grantee = (id: string): string => award.grants.get(id)?.grantee.name ?? id;
  const contributor = (id: string): string => award.contributions.get(id)?.contributor.name ?? id;
  const label = (figure: string, fallback: string): string => {
    const [group, id, part] = figure.split('.');
    if (group === 'grants') return `${grantee(id)}: ${part === 'paid' ? 'paid' : 'committed'}`;
    if (group === 'contributions') return `Match funding from ${contributor(id)}: ${part === 'received' ? 'received' : 'pledged less withdrawn'}`;
    return fallback;
  };

  const grants = Object.entries(figures.grants as JsonObject);
  const contributions = Object.entries(figures.contributions as JsonObject);
  const firstShort = figures.firstShortfallMonth;
  const budget: TableRow[] = [
    {
      cells: [`Award from ${award.funder.name}`, money(figures.awardAmount)],
      note: `eligibility window ${longMonth(String(figures.windowStart))} to ${longMonth(String(figures.windowEnd))}`,
    },
    ...contributions.map(([id, c]) => ({
      cells: [`Match funding from ${contributor(id)}`, money((c as JsonObject).net)],
      note: `contribution ${id}, pledged less withdrawn`,
    })),
    { cells: ['Match funding, total', money(figures.matchFundingNet)], bold: true },
    { cells: ['Available funding', money(figures.availableFunding)], bold: true },
    ...grants.map(([id, g]) => ({ cells: [`Committed to ${grantee(id)}`, money((g as JsonObject).committed)], note: `grant ${id}` })),
    { cells: ['Committed to grants, total', money(figures.committed)], bold: true },
    { cells: ['Uncommitted headroom', money(figures.uncommittedHeadroom)] },
    {
      cells: [`Planned cost of provision to ${longMonth(String(figures.provisionEnd))}`, money(figures.plannedCost)],
      note: figures.spendProfile === 'set' ? 'from the spend profile' : 'no spend profile: the committed total spread evenly',
    },
    {
      cells: ['Planned shortfall: met by no source', money(figures.plannedShortfall)],
      bold: true,
      note: firstShort === null ? 'no month is short' : `first month short: ${longMonth(String(firstShort))}`,
    },
    { cells: ['Months of provision funded', String(figures.fundedMonths)] },
    {
      cells: ['Would lapse unused under the planned profile (returnable)', money(figures.lapsing)],
      note:
        "each source's money left when its window ends if the planned profile is spent; a quarterly return's lapse is " +
        'its forecast from actual spend to date, so the two differ',
    },
  ];

  const checks = decision === undefined ? [] : declaredChecks(decision.declared, figures);
  const acknowledged = data.acknowledged ?? [];
  // What the figures certified called for acknowledging, whether or not this certificate did.
  const matters: CertificateAcknowledgement[] = [
    ...(checks.some((c) => !c.difference.isZero()) ? (['DECISION_TOTAL_MISMATCH'] as const) : []),
    ...(Money.fromString(String(figures.plannedShortfall)).isZero() ? [] : (['PLANNED_SHORTFALL'] as const)),
  ];
  const acknowledgementText = (code: CertificateAcknowledgement): string => {
    if (code === 'PLANNED_SHORTFALL') {
      return `${money(figures.plannedShortfall)} of the planned cost of provision is met by no source` +
        (firstShort === null ? '.' : `, from ${longMonth(String(firstShort))}.`);
    }
    return checks
      .filter((c) => !c.difference.isZero())
      .map((c) => `${c.label}: declared ${c.declared.format()}, ledger ${c.ledger.format()}, difference ${signed(c.difference)}.`)
      .join(' ');
  };

  const sections: DocumentSection[] = [
    {
      heading: 'Budget certified',
      blocks: [
        paragraph(`${award.recipient.name}: ${award.description}`),
        table([{ heading: 'Figure', width: 0.72 }, { heading: 'Amount', width: 0.28, align: 'right' }], budget),
      ],
    },
    {
      heading: `Decision ${data.decisionRef}`,
      blocks: [
        paragraph(
          decision === undefined
            ? `Decision ${data.decisionRef} is not recorded on the award as read.`
            : `Decision ${data.decisionRef} of ${longDate(decision.decidedOn)}, on the award of ${award.funder.name} to ` +
                `${award.recipient.name} (${award.decisionRef}). Its declared totals against the ledger at certification:`,
        ),
        checks.length === 0
          ? paragraph('The decision declares no totals.')
          : table(
              [
                { heading: 'Total', width: 0.31 },
                { heading: 'Declared', width: 0.18, align: 'right' },
                { heading: 'Ledger', width: 0.18, align: 'right' },
                { heading: 'Difference', width: 0.18, align: 'right' },
                { heading: 'Check', width: 0.15, align: 'right' },
              ],
              checks.map((c) => ({
                cells: [c.label, c.declared.format(), c.ledger.format(), signed(c.difference), c.difference.isZero() ? 'agrees' : 'MISMATCH'],
                bold: !c.difference.isZero(),
              })),
            ),
      ],
    },
    {
      heading: 'Acknowledged by the officer',
      blocks:
        matters.length === 0
          ? [paragraph('Nothing needed acknowledging: the declared totals agree with the ledger and no planned month is short.')]
          : matters.map((code) =>
              acknowledged.includes(code)
                ? paragraph(`${ACKNOWLEDGEMENT_TITLES[code]} (${code}): ${acknowledgementText(code)}`)
                : // Only a certificate issued before acknowledgements were required can lack one; it must not read as if none was due.
                  paragraph(`NOT ACKNOWLEDGED (issued before acknowledgements were required): ${ACKNOWLEDGEMENT_TITLES[code]} (${code}): ${acknowledgementText(code)}`, true),
            ),
    },
    {
      heading: 'Certification',
      blocks: [
        paragraph(`I certify the budget of decision ${data.decisionRef} above, on this basis:`),
        paragraph(`(${data.basis}) ${basisText(data.basis)}`, true),
        paragraph(`(d) ${data.regulationsComplied ? REGULATIONS_TEXT : 'Financial regulations: NOT stated as complied with.'}`, true),
        {
          kind: 'signature',
          lines: [
            { label: 'Officer', value: `${data.officer.name} (${data.officer.id})` },
            { label: 'Issued by (authenticated)', value: actorText(certificate.issuedBy) },
            { label: 'Date', value: longDate(data.certifiedOn) },
          ],
        },
      ],
    },
    {
      heading: 'Since certification: payments and receipts',
      blocks:
        status.movementsSince.length === 0
          ? [paragraph('None recorded.')]
          : [
              paragraph('Money moved within the certified budget; it does not change what was certified.'),
              eventsTable(status.movementsSince),
              ...(status.movements.length === 0 ? [] : [changesTable(status.movements, label)]),
            ],
    },
    ...(status.status === 'stale' || status.changes.length > 0
      ? [
          {
            heading: 'Changes to the certified budget',
            blocks: [
              paragraph(
                status.status === 'stale'
                  ? 'The budget certified has changed: this certificate is STALE. A new certificate is needed.'
                  : 'No event has changed the budget, but a figure reads differently now (its definition changed).',
                true,
              ),
              ...(status.eventsSince.length === 0 ? [] : [eventsTable(status.eventsSince)]),
              ...(status.changes.length === 0 ? [] : [changesTable(status.changes, label)]),
            ],
          },
        ]
      : []),
    {
      heading: 'Every figure as pinned',
      blocks: [
        paragraph(
          `The figures read at stream revision ${data.atRevision}, whose sha256 over canonical JSON is the figures hash above.`,
        ),
        table(
          [{ heading: 'Figure', width: 0.72 }, { heading: 'Value', width: 0.28, align: 'right' }],
          flattenFigures(figures).map((f) => ({ cells: [label(f.figure, f.label), formatFigure(f.value)] })),
        ),
      ],
    },
  ];

  return {
    title: 'Section 151 Officer budget certificate',
    banner: certificateBanner(reading),
    identity: identityLines(
      {
        award: { awardId: award.awardId, funder: award.funder.name, recipient: award.recipient.name, funderReference: award.decisionRef },
        subject: [
          ['Certificate', `${certificate.index} of ${record.certificates.length}`],
          ['Decision', decision === undefined ? data.decisionRef : `${data.decisionRef} of ${longDate(decision.decidedOn)}`],
        ],
        issuedOn: data.certifiedOn,
        issuedBy: certificate.issuedBy,
        figuresHash: data.figuresHash,
        figuresHashVerified: status.figuresHashVerified,
        recorded: { revision: certificate.revision, position: certificate.position, recordedAt: certificate.recordedAt },
        ...(checkpoint === undefined ? {} : { checkpoint }),
      },
      'Certified',
    ),
    sections,
    about: { subject: `Award ${award.awardId}, decision ${data.decisionRef}`, author: data.officer.name, createdAt: certificate.recordedAt },
  };
};
