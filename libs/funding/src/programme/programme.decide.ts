import type { IsoDate } from '@fundledger/calendar';
import type { ProgrammeCommand } from './programme.commands';
import type { ProgrammeEvent } from './programme.events';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from './programme.state';
import { decideOpenProgramme } from './open-programme/open-programme.decide';

/** The programme's decider: the events a command would record, or a FundingError. Pure. */
export const decideProgramme = (
  state: ProgrammeState,
  command: ProgrammeCommand,
  context: { readonly today: IsoDate },
): ProgrammeEvent[] => {
  switch (command.type) {
    case 'OpenProgramme':
      return decideOpenProgramme(state, command, context.today);
    default: {
      const unhandled: never = command.type;
      throw new Error(`unhandled programme command ${String(unhandled)}`);
    }
  }
};

export const programmeDecider = {
  initialState: initialProgrammeState,
  evolve: evolveProgramme,
  decide: decideProgramme,
} as const;
