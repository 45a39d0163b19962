import { compareMonths, monthOfDate, type Month } from '@fundledger/calendar';
import {
  availableFunding,
  committedTotal,
  contributionWindow,
  matchFundingReceived,
  matchFundingTotal,
  outstandingPledge,
  paidTotal,
  provisionMonths,
  provisionPeriod,
  uncommittedFunding,
  unpaidCommitment,
  type Award,
  type Organisation,
} from '@fundledger/funding';
import { Money } from '@fundledger/money';
import type { AmountHistoryEntry, AwardView, ExtensionAsRecorded, InferredBusinessDate } from '../ledger/ledger-view';

/** All money as fixed 2-dp strings, as on the wire. */
export interface AwardPositionReport {
  readonly awardId: string;
  readonly status: 'open' | 'closed';
  readonly funder: Organisation;
  readonly recipient: Organisation;
  readonly programmeId?: string;
  /** The log position, time and stream revision the figures are as at. */
  readonly asAt: { readonly position: string; readonly recordedAt: string; readonly revision: string };
  readonly awarded: { readonly current: string; readonly history: readonly AmountHistoryEntry[] };
  readonly window: { readonly start: Month; readonly end: Month };
  readonly provision: {
    readonly start: Month;
    readonly end: Month;
    readonly months: number;
    readonly extensions: readonly ExtensionAsRecorded[];
  };
  readonly matchFunding: {
    readonly contributors: readonly ContributionPosition[];
    readonly pledged: string;
    readonly received: string;
    readonly withdrawn: string;
    readonly outstanding: string;
    /** Pledged − withdrawn: the match funding the rules count as available. */
    readonly net: string;
  };
  /** Current award amount + pledged − withdrawn match funding (DESIGN §4). */
  readonly availableFunding: string;
  readonly grants: readonly GrantPosition[];
  readonly committed: string;
  readonly paid: string;
  readonly unpaidCommitments: string;
  /** Available funding not yet committed. */
  readonly uncommittedHeadroom: string;
  /**
   * Payments (not reversed) dated outside the provision months: accepted, because late invoices happen,
   * but flagged for the finance officer and the funder.
   */
  readonly paymentsOutsideProvision: readonly PaymentOutsideProvision[];
  readonly decisions: number;
  readonly certificates: number;
  readonly closure?: { readonly closedOn: string; readonly underspendReturned: string };
  /** Business dates inferred from when events of schemaVersion 1 were recorded: used as dated, but not stated. */
  readonly businessDatesInferred: readonly InferredBusinessDate[];
}

export interface PaymentOutsideProvision {
  readonly disbursementId: string;
  readonly grantId: string;
  readonly amount: string;
  readonly paidOn: string;
  readonly provision: { readonly start: Month; readonly end: Month };
}

export interface ContributionPosition {
  readonly contributionId: string;
  readonly contributor: Organisation;
  readonly pledgedOn: string;
  readonly pledged: string;
  readonly received: string;
  readonly withdrawn: string;
  /** Pledged − withdrawn − received: what may still be received or withdrawn. */
  readonly outstanding: string;
  readonly window: { readonly start: Month; readonly end: Month };
  /** True when pledged without a window: it follows the provision period, extensions included. */
  readonly windowFollowsProvision: boolean;
}

export interface GrantPosition {
  readonly grantId: string;
  readonly grantee: Organisation;
  readonly purpose: string;
  readonly committedOn: string;
  readonly committed: string;
  /** Net of reversals. */
  readonly paid: string;
  readonly unpaid: string;
}

const text = (amount: Money): string => amount.toString();

/** Where an award stands: every figure read through award.figures, so the report and the rules agree. */
export const awardPositionReport = (view: AwardView): AwardPositionReport => {
  const { award } = view;
  const contributions = [...award.contributions.values()];
  const grants = [...award.grants.values()];
  const provision = provisionPeriod(award);
  return {
    awardId: award.awardId,
    status: award.status,
    funder: award.funder,
    recipient: award.recipient,
    ...(award.programmeId === undefined ? {} : { programmeId: award.programmeId }),
    asAt: { position: view.lastPosition, recordedAt: view.lastRecordedAt, revision: view.revision },
    awarded: { current: text(award.amount), history: view.amountHistory },
    window: { start: award.window.start, end: award.window.end },
    provision: { ...provision, months: provisionMonths(award).length, extensions: view.extensions },
    matchFunding: {
      contributors: contributions.map((c) => ({
        contributionId: c.contributionId,
        contributor: c.contributor,
        pledgedOn: c.pledgedOn,
        pledged: text(c.pledged),
        received: text(c.received),
        withdrawn: text(c.withdrawn),
        outstanding: text(outstandingPledge(c)),
        window: { ...contributionWindow(award, c) },
        windowFollowsProvision: c.window === undefined,
      })),
      pledged: text(Money.sum(contributions.map((c) => c.pledged))),
      received: text(matchFundingReceived(award)),
      withdrawn: text(Money.sum(contributions.map((c) => c.withdrawn))),
      outstanding: text(Money.sum(contributions.map(outstandingPledge))),
      net: text(matchFundingTotal(award)),
    },
    availableFunding: text(availableFunding(award)),
    grants: grants.map((g) => ({
      grantId: g.grantId,
      grantee: g.grantee,
      purpose: g.purpose,
      committedOn: g.committedOn,
      committed: text(g.committed),
      paid: text(g.paid),
      unpaid: text(unpaidCommitment(g)),
    })),
    committed: text(committedTotal(award)),
    paid: text(paidTotal(award)),
    unpaidCommitments: text(Money.sum(grants.map(unpaidCommitment))),
    uncommittedHeadroom: text(uncommittedFunding(award)),
    paymentsOutsideProvision: paymentsOutsideProvision(award),
    decisions: award.decisions.length,
    certificates: award.certificates.length,
    ...(award.closure === undefined
      ? {}
      : { closure: { closedOn: award.closure.closedOn, underspendReturned: text(award.closure.underspendReturned) } }),
    businessDatesInferred: view.inferredDates,
  };
};

/** Payments standing (not reversed) whose paidOn falls outside the provision months. */
export const paymentsOutsideProvision = (award: Award): PaymentOutsideProvision[] => {
  const provision = provisionPeriod(award);
  const outside = (paidOn: string): boolean => {
    const month = monthOfDate(paidOn);
    return compareMonths(month, provision.start) < 0 || compareMonths(month, provision.end) > 0;
  };
  return [...award.disbursements.values()]
    .filter((d) => !d.reversed && outside(d.paidOn))
    .map((d) => ({ disbursementId: d.disbursementId, grantId: d.grantId, amount: text(d.amount), paidOn: d.paidOn, provision }));
};
