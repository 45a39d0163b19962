import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { IsInstant } from '../commands/validation/calendar-value.decorators';

const given = (_object: object, value: unknown): boolean => value !== undefined;
export const POSITION = /^(0|[1-9][0-9]{0,18})$/;

/** As at a position or a time, folded from the award's stream; the current stream otherwise. */
export class AwardRecordQueryDto {
  @ApiProperty({
    required: false,
    description: 'Answer as the award stood at this instant, folding only the events recorded up to it.',
    example: '2024-03-31T23:59:59Z',
  })
  @ValidateIf(given)
  @IsInstant()
  asAt?: string;

  @ApiProperty({ required: false, description: 'Answer as the award stood at this log position (inclusive).', example: '42' })
  @ValidateIf(given)
  @Matches(POSITION, { message: '$property: must be a log position, a whole number like 42' })
  position?: string;
}
