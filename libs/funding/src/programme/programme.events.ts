import type { IsoDate } from '@fundledger/calendar';
import { withBusinessDate, type StoredEvent } from '../business-time/stored-event';
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
    openedOn: IsoDate;
    /** Upcast from schemaVersion 1, which had no openedOn (see withBusinessDate). */
    businessDateInferred?: true;
  }>;
};

export type ProgrammeEvent = ProgrammeOpened;

export type ProgrammeEventType = ProgrammeEvent['type'];

/** Types an event read back from a programme stream, upcasting schemaVersion 1 (see toAwardEvent). */
export const toProgrammeEvent = (stored: StoredEvent): ProgrammeEvent => {
  if (stored.type !== 'ProgrammeOpened') throw new Error(`unknown programme event type ${stored.type}`);
  return { type: stored.type, data: withBusinessDate<ProgrammeOpened['data']>(stored, 'openedOn') };
};

const PROGRAMME_STREAM_PREFIX = 'programme-';

export const programmeStreamName = (programmeId: string): string => `${PROGRAMME_STREAM_PREFIX}${programmeId}`;

/** 'programme-<id>' -> '<id>'; undefined for any other stream. */
export const programmeIdOfStream = (stream: string): string | undefined =>
  stream.startsWith(PROGRAMME_STREAM_PREFIX) ? stream.slice(PROGRAMME_STREAM_PREFIX.length) : undefined;
