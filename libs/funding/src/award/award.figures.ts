import { compareMonths, monthsInRange, type Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import type { MonthWindow } from '../funding.values';
import type { Award, ContributionState, GrantState } from './award.state';

/**
 * Figures derived from an award's state, shared by the decisions and the projections so that both
 * read the ledger the same way.
 */

/** Pledged less withdrawn: what the contribution still promises, received or not. */
export const netPledged = (contribution: ContributionState): Money =>
  contribution.pledged.minus(contribution.withdrawn);

/** Pledged, not withdrawn and not yet received: all that may still be received or withdrawn. */
export const outstandingPledge = (contribution: ContributionState): Money =>
  netPledged(contribution).minus(contribution.received);

export const matchFundingTotal = (award: Award): Money =>
  Money.sum([...award.contributions.values()].map(netPledged));

export const matchFundingReceived = (award: Award): Money =>
  Money.sum([...award.contributions.values()].map((c) => c.received));

/** DESIGN §4: current award amount + pledged − withdrawn match funding. */
export const availableFunding = (award: Award): Money => award.amount.plus(matchFundingTotal(award));

export const committedTotal = (award: Award): Money =>
  Money.sum([...award.grants.values()].map((g) => g.committed));

export const uncommittedFunding = (award: Award): Money => availableFunding(award).minus(committedTotal(award));

/** Paid to one grant, net of reversals. */
export const paidToGrant = (grant: GrantState): Money => grant.paid;

/** Committed to a grant and not yet paid. */
export const unpaidCommitment = (grant: GrantState): Money => grant.committed.minus(grant.paid);

export const paidTotal = (award: Award): Money => Money.sum([...award.grants.values()].map(paidToGrant));

/** Available funding not yet paid out, whether committed or not. */
export const unspentFunding = (award: Award): Money => availableFunding(award).minus(paidTotal(award));

/** DESIGN §5.1: the window end, or the latest provision extension when that is later. */
export const provisionEnd = (award: Award): Month =>
  award.extensions.reduce(
    (end, extension) => (compareMonths(extension.newEnd, end) > 0 ? extension.newEnd : end),
    award.window.end,
  );

export const provisionPeriod = (award: Award): MonthWindow => ({ start: award.window.start, end: provisionEnd(award) });

export const provisionMonths = (award: Award): Month[] => monthsInRange(award.window.start, provisionEnd(award));

/** A contribution pledged without a window may be spent across the whole provision period as it now stands. */
export const contributionWindow = (award: Award, contribution: ContributionState): MonthWindow =>
  contribution.window ?? provisionPeriod(award);
