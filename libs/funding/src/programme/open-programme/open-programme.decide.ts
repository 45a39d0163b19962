import { AlreadyExists } from '../../errors/funding.errors';
import type { OpenProgramme } from '../programme.commands';
import type { ProgrammeEvent } from '../programme.events';
import type { ProgrammeState } from '../programme.state';

/** A programme id names one pot for good: opening it again would fork its awards' history. */
export const decideOpenProgramme = (state: ProgrammeState, command: OpenProgramme): ProgrammeEvent[] => {
  if (state.status === 'opened') {
    throw new AlreadyExists('PROGRAMME_ALREADY_OPENED', `programme ${command.programmeId} is already open`, {
      programmeId: command.programmeId,
    });
  }
  const { programmeId, name, funder, envelope, financialYear } = command;
  return [
    {
      type: 'ProgrammeOpened',
      data: { programmeId, name, funder, envelope: envelope.toString(), financialYear },
    },
  ];
};
