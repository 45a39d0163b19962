import { compareMonths } from '@fundledger/calendar';
import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { VaryAward } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { availableFunding, committedTotal } from '../award.figures';
import { requireOpenAward, requireNotBefore, awardDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decideVaryAward = (state: AwardState, command: VaryAward): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, newAmount, newWindowEnd, effectiveOn, reason, reference } = command;
  requireNotBefore('VARIATION_BEFORE_AWARD', { field: 'effectiveOn', date: effectiveOn, what: 'the variation' }, awardDated(award));

  // DESIGN §4: money unspent by the window's end is returnable, so moving the end earlier would rewrite the past.
  if (newWindowEnd !== undefined && compareMonths(newWindowEnd, award.window.end) < 0) {
    throw new LedgerRuleBroken(
      'WINDOW_CANNOT_BE_SHORTENED',
      `the eligibility window ends ${award.window.end}; it cannot be shortened to end ${newWindowEnd}`,
      { windowEnd: award.window.end, newWindowEnd },
    );
  }

  const amountChanges = newAmount !== undefined && !newAmount.equals(award.amount);
  const endChanges = newWindowEnd !== undefined && newWindowEnd !== award.window.end;
  if (!amountChanges && !endChanges) {
    throw new LedgerRuleBroken(
      'NOTHING_TO_VARY',
      `award ${awardId} already stands at ${award.amount.format()} with its window ending ${award.window.end}`,
      { amount: award.amount.toString(), windowEnd: award.window.end },
    );
  }

  if (newAmount !== undefined) {
    const availableAfter = availableFunding(award).minus(award.amount).plus(newAmount);
    const committed = committedTotal(award);
    if (committed.greaterThan(availableAfter)) {
      throw new LedgerRuleBroken(
        'VARIATION_LEAVES_COMMITMENTS_UNFUNDED',
        `varying the award to ${newAmount.format()} would reduce available funding to ${availableAfter.format()} ` +
          `against ${committed.format()} committed`,
        { newAmount: newAmount.toString(), availableAfter: availableAfter.toString(), committed: committed.toString() },
      );
    }
  }

  return [
    {
      type: 'AwardVaried',
      data: {
        awardId,
        ...(newAmount === undefined ? {} : { newAmount: newAmount.toString() }),
        ...(newWindowEnd === undefined ? {} : { newWindowEnd }),
        effectiveOn,
        reason,
        reference,
      },
    },
  ];
};
