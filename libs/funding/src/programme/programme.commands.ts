import type { Money } from '@fundledger/money';
import type { Organisation } from '../funding.values';

export interface OpenProgramme {
  readonly type: 'OpenProgramme';
  readonly programmeId: string;
  readonly name: string;
  readonly funder: Organisation;
  readonly envelope: Money;
  readonly financialYear: string;
}

export type ProgrammeCommand = OpenProgramme;

export type ProgrammeCommandType = ProgrammeCommand['type'];
