import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { AsAtQueryDto, given, LOG_POSITION, LOG_POSITION_MESSAGE } from './as-at-query.dto';

/**
 * Which ledger a query reads: the current read model (optionally once it has reached `minPosition`),
 * or the log folded as at a position or a recorded time. `asAt` and `position` exclude each other.
 */
export class LedgerQueryDto extends AsAtQueryDto {
  @ApiProperty({
    required: false,
    description:
      'Answer from the current read model once it has reached this position (e.g. the `position` of a command receipt), ' +
      'waiting a few seconds at most; 503 if it has not.',
    example: '42',
  })
  @ValidateIf(given)
  @Matches(LOG_POSITION, { message: LOG_POSITION_MESSAGE })
  minPosition?: string;

  @ApiProperty({ required: false, enum: ['json', 'csv'], description: 'csv: the same as `Accept: text/csv`.' })
  @ValidateIf(given)
  @IsIn(['json', 'csv'], { message: '$property: must be json or csv' })
  format?: 'json' | 'csv';
}
