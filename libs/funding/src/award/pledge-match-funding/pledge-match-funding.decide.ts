import { compareMonths } from '@fundledger/calendar';
import { AlreadyExists, LedgerRuleBroken } from '../../errors/funding.errors';
import type { PledgeMatchFunding } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireOpenAward, requireWellFormedWindow } from '../award.guards';
import type { AwardState } from '../award.state';

export const decidePledgeMatchFunding = (state: AwardState, command: PledgeMatchFunding): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, contributionId, contributor, amount, pledgedOn, window, reference } = command;

  if (award.contributions.has(contributionId)) {
    throw new AlreadyExists(
      'DUPLICATE_CONTRIBUTION_ID',
      `contribution ${contributionId} is already pledged to award ${awardId}`,
      { awardId, contributionId },
    );
  }

  if (window !== undefined) {
    requireWellFormedWindow(window, `contribution ${contributionId}'s window`);
    // Provision starts with the award's window (DESIGN §5.1), so earlier months could never be funded.
    // A window ending after the current provision end is fine: match funding is pledged before the
    // extension it pays for is recorded.
    if (compareMonths(window.start, award.window.start) < 0) {
      throw new LedgerRuleBroken(
        'CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION',
        `contribution ${contributionId}'s window starts ${window.start}, before provision starts ${award.window.start}`,
        { windowStart: window.start, provisionStart: award.window.start },
      );
    }
  }

  return [
    {
      type: 'MatchFundingPledged',
      data: {
        awardId,
        contributionId,
        contributor,
        amount: amount.toString(),
        pledgedOn,
        ...(window === undefined ? {} : { window }),
        ...(reference === undefined ? {} : { reference }),
      },
    },
  ];
};
