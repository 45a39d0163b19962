import { compareMonths, type IsoDate } from '@fundledger/calendar';
import { LedgerRuleBroken, NotFound, type LedgerRuleCode } from '../errors/funding.errors';
import type { MonthWindow } from '../funding.values';
import type { Award, AwardState, ContributionState, DisbursementState, GrantState } from './award.state';

/** The award the command names, made and whichever its status. */
export const requireMadeAward = (state: AwardState, awardId: string): Award => {
  if (state.status === 'not-made') {
    throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made`, { awardId });
  }
  if (state.awardId !== awardId) {
    // The handler loads the stream of the command's award; another award's state is a wiring fault.
    throw new Error(`state of award ${state.awardId} given for a command on award ${awardId}`);
  }
  return state;
};

/** DESIGN §4: nothing financial after AwardClosed. */
export const requireOpenAward = (state: AwardState, awardId: string): Award => {
  const award = requireMadeAward(state, awardId);
  if (award.status === 'closed') {
    throw new LedgerRuleBroken(
      'AWARD_CLOSED',
      `award ${awardId} was closed on ${award.closure?.closedOn}; nothing financial can be recorded after closure`,
      { awardId },
    );
  }
  return award;
};

export const requireContribution = (award: Award, contributionId: string): ContributionState => {
  const contribution = award.contributions.get(contributionId);
  if (contribution === undefined) {
    const message = `no contribution ${contributionId} is pledged to award ${award.awardId}`;
    throw new NotFound('UNKNOWN_CONTRIBUTION', message, { awardId: award.awardId, contributionId });
  }
  return contribution;
};

export const requireGrant = (award: Award, grantId: string): GrantState => {
  const grant = award.grants.get(grantId);
  if (grant === undefined) {
    throw new NotFound('UNKNOWN_GRANT', `no grant ${grantId} is committed from award ${award.awardId}`, {
      awardId: award.awardId,
      grantId,
    });
  }
  return grant;
};

export const requireDisbursement = (award: Award, disbursementId: string): DisbursementState => {
  const disbursement = award.disbursements.get(disbursementId);
  if (disbursement === undefined) {
    const message = `no disbursement ${disbursementId} was paid from award ${award.awardId}`;
    throw new NotFound('UNKNOWN_DISBURSEMENT', message, { awardId: award.awardId, disbursementId });
  }
  return disbursement;
};

/** A window is an inclusive month range; one that ends before it starts holds no month at all. */
export const requireWellFormedWindow = (window: MonthWindow, what: string): void => {
  if (compareMonths(window.end, window.start) < 0) {
    const message = `${what} ends ${window.end}, before it starts ${window.start}`;
    throw new LedgerRuleBroken('WINDOW_END_BEFORE_START', message, { start: window.start, end: window.end });
  }
};

/** A business date and what it dates, e.g. `{ field: 'paidOn', date: '2021-12-01', what: 'payment d-1' }`. */
export interface DatedFact {
  readonly field: string;
  readonly date: IsoDate;
  readonly what: string;
}

/**
 * DESIGN §4 dates: nothing can happen in the world before what it depends on (a payment before its
 * commitment, a receipt before its pledge…). Both dates are named; ISO dates order as strings.
 */
export const requireNotBefore = (code: LedgerRuleCode, later: DatedFact, earlier: DatedFact): void => {
  if (later.date >= earlier.date) return;
  const details = later.field === earlier.field
    ? { [later.field]: later.date, [`earlier ${earlier.field}`]: earlier.date }
    : { [later.field]: later.date, [earlier.field]: earlier.date };
  throw new LedgerRuleBroken(
    code,
    `${later.what} is dated ${later.date} (${later.field}), before ${earlier.what} on ${earlier.date} (${earlier.field})`,
    details,
  );
};

/** The award's own date, the earliest anything on it can be dated. */
export const awardDated = (award: Award): DatedFact => ({
  field: 'awardedOn',
  date: award.awardedOn,
  what: `award ${award.awardId} was made`,
});

export const pledgeDated = (contribution: ContributionState): DatedFact => ({
  field: 'pledgedOn',
  date: contribution.pledgedOn,
  what: `contribution ${contribution.contributionId} was pledged`,
});

export const commitmentDated = (grant: GrantState): DatedFact => ({
  field: 'committedOn',
  date: grant.committedOn,
  what: `grant ${grant.grantId} was committed`,
});
