import {
  committedTotal,
  contributionWindow,
  netPledged,
  provisionEnd,
  type Award,
} from '@fundledger/funding';
import type { AwardView } from '../ledger/ledger-view';
import { reconcileFundedMonths, type FundedMonthsInput, type FundedMonthsReport } from './funded-months.report';
import type { ReconciliationSource } from './funded-months.types';

/**
 * DESIGN §5 step 3: the award's money for its own window at its current amount, then each match
 * contribution for its window at pledged − withdrawn, in the order pledged. A contribution without a
 * window follows the provision period as it stands now, so an extension recorded after the pledge
 * widens it. Contributions with nothing left available are still listed, so a report shows them.
 */
export const reconciliationSources = (award: Award): ReconciliationSource[] => [
  {
    sourceId: award.funder.id,
    kind: 'award',
    windowStart: award.window.start,
    windowEnd: award.window.end,
    available: award.amount,
  },
  ...[...award.contributions.values()].map((contribution): ReconciliationSource => {
    const window = contributionWindow(award, contribution);
    return {
      sourceId: contribution.contributor.id,
      kind: 'match',
      contributionId: contribution.contributionId,
      windowStart: window.start,
      windowEnd: window.end,
      available: netPledged(contribution),
    };
  }),
];

export const fundedMonthsInputFor = (award: Award): FundedMonthsInput => ({
  awardId: award.awardId,
  provisionStart: award.window.start,
  provisionEnd: provisionEnd(award),
  ...(award.spendProfile === undefined ? {} : { profile: Object.fromEntries(award.spendProfile) }),
  committedTotal: committedTotal(award),
  sources: reconciliationSources(award),
});

/** The planned reconciliation of one award (DESIGN §5). */
export const fundedMonthsFor = (view: AwardView): FundedMonthsReport =>
  reconcileFundedMonths(fundedMonthsInputFor(view.award));
