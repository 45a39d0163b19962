import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { IsInstant } from '../../commands/validation/calendar-value.decorators';

const given = (_object: object, value: unknown): boolean => value !== undefined;

/** The log as it stood at a position or a recorded time (inclusive); at most one of the two. */
export class AwardEventsQueryDto {
  @ApiProperty({
    required: false,
    description: 'Only events recorded at or before this instant (ISO-8601 with a time zone).',
    example: '2022-03-31T23:59:59Z',
  })
  @ValidateIf(given)
  @IsInstant()
  asAt?: string;

  @ApiProperty({ required: false, description: 'Only events at or before this global log position.', example: '42' })
  @ValidateIf(given)
  @Matches(/^(0|[1-9][0-9]{0,18})$/, { message: '$property: must be a log position, a whole number like 42' })
  position?: string;
}
