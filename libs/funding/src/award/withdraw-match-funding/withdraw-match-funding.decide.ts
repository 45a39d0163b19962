import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { WithdrawMatchFunding } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { availableFunding, committedTotal, outstandingPledge } from '../award.figures';
import { requireOpenAward, requireContribution, requireNotBefore, pledgeDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decideWithdrawMatchFunding = (state: AwardState, command: WithdrawMatchFunding): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, contributionId, amount, withdrawnOn, reason } = command;
  const contribution = requireContribution(award, contributionId);
  requireNotBefore(
    'WITHDRAWAL_BEFORE_PLEDGE',
    { field: 'withdrawnOn', date: withdrawnOn, what: `the withdrawal from contribution ${contributionId}` },
    pledgeDated(contribution),
  );

  // DESIGN §4: money already received cannot be withdrawn, only what is pledged and still unpaid.
  const unreceived = outstandingPledge(contribution);
  if (amount.greaterThan(unreceived)) {
    throw new LedgerRuleBroken(
      'WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE',
      `withdrawing ${amount.format()} from contribution ${contributionId} exceeds the ` +
        `${unreceived.format()} pledged and not yet received`,
      { amount: amount.toString(), unreceived: unreceived.toString() },
    );
  }

  const availableAfter = availableFunding(award).minus(amount);
  const committed = committedTotal(award);
  if (committed.greaterThan(availableAfter)) {
    throw new LedgerRuleBroken(
      'WITHDRAWAL_LEAVES_COMMITMENTS_UNFUNDED',
      `withdrawing ${amount.format()} from contribution ${contributionId} would reduce available funding to ` +
        `${availableAfter.format()} against ${committed.format()} committed`,
      { amount: amount.toString(), availableAfter: availableAfter.toString(), committed: committed.toString() },
    );
  }

  return [{ type: 'MatchFundingWithdrawn', data: { awardId, contributionId, amount: amount.toString(), withdrawnOn, reason } }];
};
