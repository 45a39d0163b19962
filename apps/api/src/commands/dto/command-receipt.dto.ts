import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of CommandReceipt (@fundledger/funding/application); bigints travel as decimal strings. */
export class RecordedEventDto {
  @ApiProperty({ description: 'Event id (derived from the command id, so a retry re-uses it).', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'GrantCommitted' })
  type!: string;

  @ApiProperty({ description: "The event's revision in its stream (0-based), as a decimal string.", example: '9' })
  revision!: string;

  @ApiProperty({
    description: 'The event data; money as fixed 2-dp strings.',
    type: 'object',
    additionalProperties: true,
    example: { grantId: 'g-barefoot', grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' }, amount: '7000.00', purpose: 'Independent evaluation' },
  })
  data!: Record<string, unknown>;
}

export class ReceiptCheckpointDto {
  @ApiProperty({ description: 'Events in the log up to and including this command\'s last one.', example: '42' })
  treeSize!: string;

  @ApiProperty({ description: 'RFC 9162 Merkle root of those events, lower-case hex (docs/audit-trail.md).', example: '72ba26c87b17478f07d4bb4d5c6895971e3e1d0daf237c88eed3432c5d71ed1f' })
  rootHash!: string;
}

export class CommandReceiptDto {
  @ApiProperty({ example: 'cle21-010' })
  commandId!: string;

  @ApiProperty({ description: '`award-<awardId>` or `programme-<programmeId>`.', example: 'award-dapi21-cleveland' })
  stream!: string;

  @ApiProperty({ type: [RecordedEventDto] })
  events!: RecordedEventDto[];

  @ApiProperty({ description: "The stream's revision after the command.", example: '9' })
  revision!: string;

  @ApiProperty({ description: 'Global log position of the last event the command wrote.', example: '42' })
  position!: string;

  @ApiProperty({ description: 'The Merkle tree head of the log up to `position`: keep it to check later that the log was not rewritten.', type: ReceiptCheckpointDto })
  checkpoint!: ReceiptCheckpointDto;

  @ApiProperty({ description: 'True when answering a retry: the first outcome, nothing new written.', example: false })
  replayed!: boolean;
}
