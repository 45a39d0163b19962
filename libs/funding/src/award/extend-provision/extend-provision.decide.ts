import { compareMonths } from '@fundledger/calendar';
import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { ExtendProvision } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { provisionEnd } from '../award.figures';
import { requireOpenAward, requireContribution, requireNotBefore, awardDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decideExtendProvision = (state: AwardState, command: ExtendProvision): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, newEnd, decidedOn, reason, fundedBy } = command;
  requireNotBefore('EXTENSION_BEFORE_AWARD', { field: 'decidedOn', date: decidedOn, what: 'the extension' }, awardDated(award));

  // DESIGN §4: an extension moves the provision end (the later of window end and latest extension) later.
  const currentEnd = provisionEnd(award);
  if (compareMonths(newEnd, currentEnd) <= 0) {
    throw new LedgerRuleBroken(
      'EXTENSION_MUST_MOVE_END_LATER',
      `provision already runs to ${currentEnd}; an extension to ${newEnd} must end later`,
      { provisionEnd: currentEnd, newEnd },
    );
  }

  // The funder's money cannot be spent after its window, so the added months must name the match funding
  // that pays for them; whether it suffices is the reconciliation's finding, not a reason to refuse.
  for (const contributionId of fundedBy) requireContribution(award, contributionId);

  return [{ type: 'ProvisionExtended', data: { awardId, newEnd, decidedOn, reason, fundedBy: [...fundedBy] } }];
};
