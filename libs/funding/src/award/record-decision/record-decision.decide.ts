import type { RecordDecision } from '../award.commands';
import type { AwardEvent, DeclaredTotals } from '../award.events';
import { requireMadeAward } from '../award.guards';
import type { AwardState } from '../award.state';

/**
 * Records what a published decision declared, as published. Totals that disagree with the ledger are
 * never refused: the fixtures hold real decisions with real inconsistencies, and a projection surfaces
 * them. Allowed after closure: recording a decision moves no money.
 */
export const decideRecordDecision = (state: AwardState, command: RecordDecision): AwardEvent[] => {
  requireMadeAward(state, command.awardId);
  const { awardId, decisionRef, decidedOn, declared } = command;
  const totals: DeclaredTotals = {
    ...(declared.awardAmount === undefined ? {} : { awardAmount: declared.awardAmount.toString() }),
    ...(declared.matchTotal === undefined ? {} : { matchTotal: declared.matchTotal.toString() }),
    ...(declared.grantsTotal === undefined ? {} : { grantsTotal: declared.grantsTotal.toString() }),
  };
  return [{ type: 'DecisionRecorded', data: { awardId, decisionRef, decidedOn, declared: totals } }];
};
