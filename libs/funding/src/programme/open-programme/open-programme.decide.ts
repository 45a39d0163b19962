import type { IsoDate } from '@fundledger/calendar';
import { requireNotInFuture } from '../../business-time/not-in-future';
import { AlreadyExists } from '../../errors/funding.errors';
import type { OpenProgramme } from '../programme.commands';
import type { ProgrammeEvent } from '../programme.events';
import type { ProgrammeState } from '../programme.state';

/** A programme id names one pot for good: opening it again would fork its awards' history. */
export const decideOpenProgramme = (state: ProgrammeState, command: OpenProgramme, today: IsoDate): ProgrammeEvent[] => {
  if (state.status === 'opened') {
    throw new AlreadyExists('PROGRAMME_ALREADY_OPENED', `programme ${command.programmeId} is already open`, {
      programmeId: command.programmeId,
    });
  }
  const { programmeId, name, funder, envelope, financialYear, openedOn } = command;
  requireNotInFuture({ field: 'openedOn', date: openedOn }, today);
  return [
    {
      type: 'ProgrammeOpened',
      data: { programmeId, name, funder, envelope: envelope.toString(), financialYear, openedOn },
    },
  ];
};
