import { quarterEndDate } from '@fundledger/calendar';
import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { AwardDecisionContext } from '../award.decide';
import type { SubmitReturn } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireMadeAward } from '../award.guards';
import type { AwardState } from '../award.state';

/**
 * Records a Home Office return: the figures of one quarter as submitted, with their hash. Submitting the
 * same quarter again records a new version; the earlier ones stay in the stream, as submitted.
 *
 * Allowed after closure: a return moves no money, and the last quarter's return is usually made after
 * the award has closed.
 */
export const decideSubmitReturn = (
  state: AwardState,
  command: SubmitReturn,
  context: AwardDecisionContext,
): AwardEvent[] => {
  const award = requireMadeAward(state, command.awardId);
  const { awardId, financialYear, quarter, submittedOn, reason } = command;
  const { today, returnFigures } = context;
  if (returnFigures === undefined) {
    throw new Error(`SubmitReturn on award ${awardId} was decided without the return's figures`);
  }

  // A quarter has ended once its last day is over: payments can still be made on that day itself.
  // ISO dates order as strings.
  const quarterEnd = quarterEndDate(financialYear, quarter);
  const label = `Q${quarter} ${financialYear}`;
  if (today <= quarterEnd) {
    throw new LedgerRuleBroken(
      'RETURN_QUARTER_NOT_ENDED',
      `${label} ends on ${quarterEnd}; its return cannot be submitted on ${today}, before the quarter has ended`,
      { awardId, financialYear, quarter: String(quarter), quarterEnd, today },
    );
  }
  if (submittedOn <= quarterEnd) {
    throw new LedgerRuleBroken(
      'RETURN_QUARTER_NOT_ENDED',
      `${label} ends on ${quarterEnd}; a return dated ${submittedOn} would be submitted before the quarter ended`,
      { awardId, financialYear, quarter: String(quarter), quarterEnd, submittedOn },
    );
  }

  const earlier = award.returns.filter((r) => r.financialYear === financialYear && r.quarter === quarter);
  return [
    {
      type: 'ReturnSubmitted',
      data: {
        awardId,
        financialYear,
        quarter,
        figures: returnFigures.figures,
        figuresHash: returnFigures.figuresHash,
        version: earlier.length + 1,
        submittedOn,
        ...(reason === undefined ? {} : { reason }),
      },
    },
  ];
};
