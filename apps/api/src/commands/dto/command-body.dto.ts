import { ApiProperty } from '@nestjs/swagger';
import { IsString, ValidateIf } from 'class-validator';

/** What every command body may carry besides its fields: the client's own id for it. */
export abstract class CommandBodyDto {
  @ApiProperty({
    description:
      'Your id for this command, so that a retry records nothing twice. Send it here or as the ' +
      'Idempotency-Key header (the same value if both); one of them is required.',
    example: 'cle21-008',
    required: false,
    type: String,
  })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsString({ message: '$property: must be a string' })
  commandId?: string;
}
