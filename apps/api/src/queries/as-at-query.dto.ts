import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { IsInstant } from '../commands/validation/calendar-value.decorators';

export const given = (_object: object, value: unknown): boolean => value !== undefined;
export const LOG_POSITION = /^(0|[1-9][0-9]{0,18})$/;
export const LOG_POSITION_MESSAGE = '$property: must be a log position, a whole number like 42';

/** Every read can be answered as the log stood at a position or a recorded time (inclusive); at most one of the two. */
export class AsAtQueryDto {
  @ApiProperty({
    required: false,
    description:
      'Answer as the log stood at this instant, folding only the events recorded up to it ' +
      '(ISO-8601 with a time zone; a plain date is midnight UTC).',
    example: '2022-03-31T23:59:59Z',
  })
  @ValidateIf(given)
  @IsInstant()
  asAt?: string;

  @ApiProperty({ required: false, description: 'Answer as the log stood at this global position (inclusive).', example: '42' })
  @ValidateIf(given)
  @Matches(LOG_POSITION, { message: LOG_POSITION_MESSAGE })
  position?: string;
}
