import { ApiProperty } from '@nestjs/swagger';

/** One recorded event as an auditor reads it: data, metadata (who, which command, the hash chain), place in the log. */
export class AwardEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'GrantCommitted' })
  type!: string;

  @ApiProperty({ description: "Revision in the award's stream (0-based), a decimal string.", example: '9' })
  revision!: string;

  @ApiProperty({ description: 'Global log position, a decimal string.', example: '42' })
  position!: string;

  @ApiProperty({ description: 'When the store recorded it (ISO-8601).', example: '2021-07-31T09:30:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event data; money as fixed 2-dp strings.' })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'commandId, commandHash, correlationId, causationId, actor {id, role}, recordedAt, schemaVersion, prevHash, hash.',
  })
  metadata!: Record<string, unknown>;
}

export class AwardEventsDto {
  @ApiProperty({ example: 'dapi21-cleveland' })
  awardId!: string;

  @ApiProperty({ example: 'award-dapi21-cleveland' })
  stream!: string;

  @ApiProperty({ type: [AwardEventDto], description: 'Oldest first.' })
  events!: AwardEventDto[];
}
