import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { CloseAward } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { availableFunding, paidTotal, unspentFunding } from '../award.figures';
import { requireOpenAward } from '../award.guards';
import type { AwardState } from '../award.state';

/**
 * Closing ends all financial recording (DESIGN §4). The underspend returned to the funder may be 0.00, and
 * can be neither more than was left unpaid nor more than the funder's own award: match funding is not the
 * funder's to take back.
 */
export const decideCloseAward = (state: AwardState, command: CloseAward): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, closedOn, underspendReturned } = command;

  const unspent = unspentFunding(award);
  if (underspendReturned.greaterThan(unspent)) {
    throw new LedgerRuleBroken(
      'UNDERSPEND_EXCEEDS_UNSPENT',
      `returning ${underspendReturned.format()} exceeds the ${unspent.format()} unspent ` +
        `(${availableFunding(award).format()} available less ${paidTotal(award).format()} paid)`,
      { underspendReturned: underspendReturned.toString(), unspent: unspent.toString() },
    );
  }
  if (underspendReturned.greaterThan(award.amount)) {
    throw new LedgerRuleBroken(
      'UNDERSPEND_EXCEEDS_UNSPENT',
      `returning ${underspendReturned.format()} exceeds the funder's award of ${award.amount.format()}`,
      { underspendReturned: underspendReturned.toString(), awardAmount: award.amount.toString() },
    );
  }

  return [
    { type: 'AwardClosed', data: { awardId, closedOn, underspendReturned: underspendReturned.toString() } },
  ];
};
