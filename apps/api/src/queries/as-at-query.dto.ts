import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { IsInstant, IsIsoDate } from '../commands/validation/calendar-value.decorators';

export const given = (_object: object, value: unknown): boolean => value !== undefined;
export const LOG_POSITION = /^(0|[1-9][0-9]{0,18})$/;
export const LOG_POSITION_MESSAGE = '$property: must be a log position, a whole number like 42';

/**
 * Every read can be answered on two time axes (parseReadPoint says how they combine): as of a business
 * date, and as known at a log position or a recorded time. Fields are checked here for their form only.
 */
export class AsAtQueryDto {
  @ApiProperty({
    required: false,
    description:
      'Business time: the world at the end of this UK day, as known now — only events whose business date ' +
      '(paidOn, receivedOn, effectiveOn, …) is on or before it. Not after today.',
    example: '2022-03-31',
  })
  @ValidateIf(given)
  @IsIsoDate()
  asOf?: string;

  @ApiProperty({
    required: false,
    description:
      'Recording time: the ledger as it stood at this instant, folding only the events recorded up to it ' +
      '(ISO-8601 with a time zone; a plain date is midnight UTC). Combine with asOf for "as of 31 March, as known on 30 April".',
    example: '2022-04-30T23:59:59+01:00',
  })
  @ValidateIf(given)
  @IsInstant()
  knownAt?: string;

  @ApiProperty({ required: false, description: 'The earlier name of knownAt; give one of the two.', example: '2022-03-31T23:59:59Z' })
  @ValidateIf(given)
  @IsInstant()
  asAt?: string;

  @ApiProperty({ required: false, description: 'Recording time as a global log position (inclusive), instead of knownAt.', example: '42' })
  @ValidateIf(given)
  @Matches(LOG_POSITION, { message: LOG_POSITION_MESSAGE })
  position?: string;
}
