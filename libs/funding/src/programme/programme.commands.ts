import type { IsoDate } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import type { Organisation } from '../funding.values';

export interface OpenProgramme {
  readonly type: 'OpenProgramme';
  readonly programmeId: string;
  readonly name: string;
  readonly funder: Organisation;
  readonly envelope: Money;
  readonly financialYear: string;
  readonly openedOn: IsoDate;
}

export type ProgrammeCommand = OpenProgramme;

export type ProgrammeCommandType = ProgrammeCommand['type'];
