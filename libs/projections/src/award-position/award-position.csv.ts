import { toCsv } from '../csv/csv';
import type { AwardPositionReport } from './award-position.report';

/**
 * Long form, one figure per row (section, id, organisation, figure, amount): every line of the
 * position, award, contributions and grants alike, pivots in a spreadsheet without a second layout.
 * Amounts are plain 2-dp strings.
 */
export const awardPositionToCsv = (report: AwardPositionReport): string => {
  const award = (figure: string, amount: string): string[] => [
    'award',
    report.awardId,
    report.recipient.name,
    figure,
    amount,
  ];
  const rows: string[][] = [
    award('awarded', report.awarded.current),
    ...report.matchFunding.contributors.flatMap((c) =>
      (['pledged', 'received', 'withdrawn', 'outstanding'] as const).map((figure) => [
        'match',
        c.contributionId,
        c.contributor.name,
        figure,
        c[figure],
      ]),
    ),
    award('match pledged', report.matchFunding.pledged),
    award('match received', report.matchFunding.received),
    award('match withdrawn', report.matchFunding.withdrawn),
    award('match outstanding', report.matchFunding.outstanding),
    award('available funding', report.availableFunding),
    ...report.grants.flatMap((g) =>
      (['committed', 'paid', 'unpaid'] as const).map((figure) => [
        'grant',
        g.grantId,
        g.grantee.name,
        figure,
        g[figure],
      ]),
    ),
    award('committed', report.committed),
    award('paid', report.paid),
    award('unpaid commitments', report.unpaidCommitments),
    award('uncommitted headroom', report.uncommittedHeadroom),
    // Flagged, not refused: a late invoice paid after provision ended (or before it began).
    ...report.paymentsOutsideProvision.map((p) => ['payment outside provision', p.disbursementId, p.paidOn, p.grantId, p.amount]),
  ];
  return toCsv([['section', 'id', 'organisation', 'figure', 'amount'], ...rows]);
};
