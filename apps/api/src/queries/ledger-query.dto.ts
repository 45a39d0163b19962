import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { IsInstant } from '../commands/validation/calendar-value.decorators';

const given = (_object: object, value: unknown): boolean => value !== undefined;
const POSITION = /^(0|[1-9][0-9]{0,18})$/;

/**
 * Which ledger a query reads: the current read model (optionally once it has reached `minPosition`),
 * or the log folded as at a position or a recorded time. `asAt` and `position` exclude each other.
 */
export class LedgerQueryDto {
  @ApiProperty({
    required: false,
    description: 'Answer as the ledger stood at this instant, folding only the events recorded up to it (ISO-8601 with a time zone; a plain date is midnight UTC).',
    example: '2022-03-31T23:59:59Z',
  })
  @ValidateIf(given)
  @IsInstant()
  asAt?: string;

  @ApiProperty({ required: false, description: 'Answer as the ledger stood at this log position (inclusive).', example: '42' })
  @ValidateIf(given)
  @Matches(POSITION, { message: '$property: must be a log position, a whole number like 42' })
  position?: string;

  @ApiProperty({
    required: false,
    description:
      'Answer from the current read model once it has reached this position (e.g. the `position` of a command receipt), ' +
      'waiting a few seconds at most; 503 if it has not.',
    example: '42',
  })
  @ValidateIf(given)
  @Matches(POSITION, { message: '$property: must be a log position, a whole number like 42' })
  minPosition?: string;

  @ApiProperty({ required: false, enum: ['json', 'csv'], description: 'csv: the same as `Accept: text/csv`.' })
  @ValidateIf(given)
  @IsIn(['json', 'csv'], { message: '$property: must be json or csv' })
  format?: 'json' | 'csv';
}
