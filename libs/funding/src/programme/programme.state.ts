import { Money } from '@fundledger/money';
import type { Organisation } from '../funding.values';
import type { ProgrammeEvent } from './programme.events';

export interface Programme {
  readonly status: 'opened';
  readonly programmeId: string;
  readonly name: string;
  readonly funder: Organisation;
  readonly envelope: Money;
  readonly financialYear: string;
}

export type ProgrammeState = { readonly status: 'not-opened' } | Programme;

export const initialProgrammeState: ProgrammeState = { status: 'not-opened' };

export const evolveProgramme = (state: ProgrammeState, event: ProgrammeEvent): ProgrammeState => {
  switch (event.type) {
    case 'ProgrammeOpened': {
      if (state.status !== 'not-opened') {
        const programmeId = event.data.programmeId;
        throw new Error(`programme ${programmeId}: ProgrammeOpened recorded twice; the stream is inconsistent`);
      }
      const { programmeId, name, funder, envelope, financialYear } = event.data;
      return { status: 'opened', programmeId, name, funder, envelope: Money.fromString(envelope), financialYear };
    }
    default: {
      const unhandled: never = event.type;
      throw new Error(`unhandled programme event ${String(unhandled)}`);
    }
  }
};

export const foldProgramme = (
  events: Iterable<ProgrammeEvent>,
  from: ProgrammeState = initialProgrammeState,
): ProgrammeState => {
  let state = from;
  for (const event of events) state = evolveProgramme(state, event);
  return state;
};
