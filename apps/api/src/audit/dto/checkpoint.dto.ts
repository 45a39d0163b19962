import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

/**
 * A signed checkpoint, as GET /audit/checkpoint gives it and an auditor keeps it. Only presence and type
 * are checked here; parseCheckpoint (@fundledger/audit) checks each field's form with a coded error.
 */
export class CheckpointDto {
  @ApiProperty({ description: 'Events in the log covered, as a decimal string.', example: '4' })
  @IsString({ message: '$property: must be a string' })
  treeSize!: string;

  @ApiProperty({ description: 'RFC 9162 Merkle root of those events, lower-case hex.', example: '72ba26c87b17478f07d4bb4d5c6895971e3e1d0daf237c88eed3432c5d71ed1f' })
  @IsString({ message: '$property: must be a string' })
  rootHash!: string;

  @ApiProperty({ description: 'Log position of the last event covered.', example: '4' })
  @IsString({ message: '$property: must be a string' })
  lastPosition!: string;

  @ApiProperty({ description: 'When the store recorded that last event.', example: '2026-12-02T05:07:11.152Z' })
  @IsString({ message: '$property: must be a string' })
  recordedAt!: string;

  @ApiProperty({ description: 'Hex SHA-256 of the signing public key (SPKI DER).', example: '784a7c6ac8c81e10f3f9586953ab8292b9319326604cc55d0d89ed8f79cac113' })
  @IsString({ message: '$property: must be a string' })
  keyId!: string;

  @ApiProperty({ description: 'Base64 Ed25519 signature over the canonical JSON of the other fields plus format (docs/audit-trail.md).' })
  @IsString({ message: '$property: must be a string' })
  signature!: string;
}
