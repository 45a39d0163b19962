import { compareMonths } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { SetSpendProfile } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { provisionMonths } from '../award.figures';
import { requireOpenAward } from '../award.guards';
import type { AwardState } from '../award.state';

/**
 * A profile plans the cost of every provision month; a month may cost 0.00 (a pause in delivery).
 * It need not add up to the commitments: over- or under-planning is what the reconciliation reports.
 */
export const decideSetSpendProfile = (state: AwardState, command: SetSpendProfile): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, setOn, months } = command;

  const expected = provisionMonths(award);
  const missing = expected.filter((month) => !months.has(month));
  const extra = [...months.keys()].filter((month) => !expected.includes(month)).sort(compareMonths);
  if (missing.length > 0 || extra.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
      ...(extra.length > 0 ? [`outside provision ${extra.join(', ')}`] : []),
    ];
    throw new LedgerRuleBroken(
      'SPEND_PROFILE_MONTHS_MISMATCH',
      `the spend profile must list exactly the provision months ${expected[0]} to ${expected[expected.length - 1]}; ` +
        problems.join('; '),
      { missing, extra },
    );
  }

  const profile = Object.fromEntries(expected.map((month) => [month, (months.get(month) as Money).toString()]));
  return [{ type: 'SpendProfileSet', data: { awardId, setOn, months: profile } }];
};
