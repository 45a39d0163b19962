import type { Organisation } from '../funding.values';
import type { MoneyString } from '../award/award.events';

/** Events of the stream `programme-<programmeId>`: the funder's pot that awards are made from. */
export type ProgrammeOpened = {
  readonly type: 'ProgrammeOpened';
  readonly data: Readonly<{
    programmeId: string;
    name: string;
    funder: Organisation;
    /** As announced, often rounded ("£11.3m"); awards may exceed it and the programme view says by how much. */
    envelope: MoneyString;
    /** UK financial year 'YYYY-YY'. */
    financialYear: string;
  }>;
};

export type ProgrammeEvent = ProgrammeOpened;

export type ProgrammeEventType = ProgrammeEvent['type'];

/** Types an event read back from a programme stream (see toAwardEvent). */
export const toProgrammeEvent = (recorded: { readonly type: string; readonly data: unknown }): ProgrammeEvent => {
  if (recorded.type !== 'ProgrammeOpened') throw new Error(`unknown programme event type ${recorded.type}`);
  return { type: recorded.type, data: recorded.data } as ProgrammeEvent;
};

export const programmeStreamName = (programmeId: string): string => `programme-${programmeId}`;
