import { Money } from '@fundledger/money';
import { monthLabel, renderColumns, renderFigures } from '../report-table';
import type { AwardPositionReport } from './award-position.report';

const gbp = (amount: string): string => Money.fromString(amount).format();

/** The award's position as a finance officer reads it: headline figures, then match funding and grants. */
export const awardPositionToTable = (report: AwardPositionReport): string => {
  const { matchFunding: match, provision } = report;
  const history = report.awarded.history.map((entry, i) =>
    i === 0
      ? `  ${entry.effectiveOn}: ${gbp(entry.amount)} awarded (${entry.reference ?? 'no reference'})`
      : `  ${entry.effectiveOn}: varied to ${gbp(entry.amount)} (${[entry.reference, entry.reason].filter(Boolean).join(': ')})`,
  );
  const extensions = provision.extensions.map(
    (e) => `  ${e.decidedOn}: extended to ${monthLabel(e.newEnd)}, funded by ${e.fundedBy.join(', ')}: ${e.reason}`,
  );
  const contributors = renderColumns(
    ['Contribution', 'Contributor', 'Pledged on', 'Window', 'Pledged', 'Received', 'Withdrawn', 'Outstanding'],
    [
      ...match.contributors.map((c) => [
        c.contributionId,
        c.contributor.name,
        c.pledgedOn,
        `${monthLabel(c.window.start)} to ${monthLabel(c.window.end)}${c.windowFollowsProvision ? ' (provision)' : ''}`,
        gbp(c.pledged),
        gbp(c.received),
        gbp(c.withdrawn),
        gbp(c.outstanding),
      ]),
      ['Total', '', '', '', gbp(match.pledged), gbp(match.received), gbp(match.withdrawn), gbp(match.outstanding)],
    ],
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right'],
  );
  const grants = renderColumns(
    ['Grant', 'Grantee', 'Committed on', 'Committed', 'Paid', 'Unpaid'],
    [
      ...report.grants.map((g) => [g.grantId, g.grantee.name, g.committedOn, gbp(g.committed), gbp(g.paid), gbp(g.unpaid)]),
      ['Total', '', '', gbp(report.committed), gbp(report.paid), gbp(report.unpaidCommitments)],
    ],
    ['left', 'left', 'left', 'right', 'right', 'right'],
  );
  return [
    `Award ${report.awardId} (${report.status}): ${report.funder.name} to ${report.recipient.name}`,
    ...(report.programmeId === undefined ? [] : [`Programme ${report.programmeId}`]),
    `As at position ${report.asAt.position}, recorded ${report.asAt.recordedAt}`,
    '',
    ...renderFigures([
      ['Awarded', gbp(report.awarded.current)],
      ['Eligibility window', `${monthLabel(report.window.start)} to ${monthLabel(report.window.end)}`],
      ['Provision', `${monthLabel(provision.start)} to ${monthLabel(provision.end)} (${provision.months} months)`],
      ['Match funding (pledged − withdrawn)', gbp(match.net)],
      ['Available funding', gbp(report.availableFunding)],
      ['Committed', gbp(report.committed)],
      ['Paid', gbp(report.paid)],
      ['Unpaid commitments', gbp(report.unpaidCommitments)],
      ['Uncommitted headroom', gbp(report.uncommittedHeadroom)],
      ['Decisions recorded', String(report.decisions)],
      ['Budget certificates', String(report.certificates)],
      ...(report.closure === undefined
        ? []
        : [['Closed', `${report.closure.closedOn}, ${gbp(report.closure.underspendReturned)} returned`] as const]),
    ]),
    ...(history.length > 1 ? ['', 'Amount history:', ...history] : []),
    ...(extensions.length > 0 ? ['', 'Provision extensions:', ...extensions] : []),
    '',
    ...(match.contributors.length > 0 ? contributors : ['No match funding pledged.']),
    '',
    ...(report.grants.length > 0 ? grants : ['No grants committed.']),
    ...report.paymentsOutsideProvision.map(
      (p) => `! Payment ${p.disbursementId} of ${gbp(p.amount)} on ${p.paidOn} is outside provision (${p.provision.start} to ${p.provision.end})`,
    ),
    ...report.businessDatesInferred.map(
      (d) => `* ${d.type} at position ${d.position}: ${d.field} ${d.date} inferred from when it was recorded (no date was stated)`,
    ),
    '',
  ].join('\n');
};
