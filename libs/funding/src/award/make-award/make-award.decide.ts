import { AlreadyExists, NotFound } from '../../errors/funding.errors';
import type { AwardDecisionContext } from '../award.decide';
import type { MakeAward } from '../award.commands';
import type { AwardEvent } from '../award.events';
import type { AwardState } from '../award.state';
import { requireWellFormedWindow } from '../award.guards';

export const decideMakeAward = (state: AwardState, command: MakeAward, context: AwardDecisionContext): AwardEvent[] => {
  if (state.status !== 'not-made') {
    throw new AlreadyExists('AWARD_ALREADY_MADE', `award ${command.awardId} has already been made`, {
      awardId: command.awardId,
    });
  }
  const { awardId, programmeId, funder, recipient, amount, awardedOn, window, decisionRef, description } = command;
  if (programmeId !== undefined) {
    const programme = context.programme;
    // Envelope excess is not refused (DESIGN §1: announced envelopes are rounded); the programme view flags it.
    if (programme === undefined || programme.status !== 'opened' || programme.programmeId !== programmeId) {
      throw new NotFound('PROGRAMME_NOT_FOUND', `programme ${programmeId} has not been opened`, { programmeId });
    }
  }
  requireWellFormedWindow(window, 'the eligibility window');
  return [
    {
      type: 'AwardMade',
      data: {
        awardId,
        ...(programmeId === undefined ? {} : { programmeId }),
        funder,
        recipient,
        amount: amount.toString(),
        awardedOn,
        window,
        decisionRef,
        description,
      },
    },
  ];
};
