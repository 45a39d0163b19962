import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { ReceiveMatchFunding } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { netPledged } from '../award.figures';
import { requireOpenAward, requireContribution, requireNotBefore, pledgeDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decideReceiveMatchFunding = (state: AwardState, command: ReceiveMatchFunding): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, contributionId, amount, receivedOn } = command;
  const contribution = requireContribution(award, contributionId);
  requireNotBefore(
    'RECEIPT_BEFORE_PLEDGE',
    { field: 'receivedOn', date: receivedOn, what: `the receipt from contribution ${contributionId}` },
    pledgeDated(contribution),
  );

  // DESIGN §4: received ≤ pledged − withdrawn; money beyond the pledge needs a pledge of its own first.
  const receivedAfter = contribution.received.plus(amount);
  const pledged = netPledged(contribution);
  if (receivedAfter.greaterThan(pledged)) {
    throw new LedgerRuleBroken(
      'RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE',
      `receiving ${amount.format()} from contribution ${contributionId} would take receipts to ` +
        `${receivedAfter.format()} against ${pledged.format()} pledged net of withdrawals`,
      { amount: amount.toString(), receivedAfter: receivedAfter.toString(), netPledged: pledged.toString() },
    );
  }

  return [{ type: 'MatchFundingReceived', data: { awardId, contributionId, amount: amount.toString(), receivedOn } }];
};
