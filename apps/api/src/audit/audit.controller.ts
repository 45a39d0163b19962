import { LogAuditor, parseCheckpoint, type Checkpoint, type VerifyReport } from '@fundledger/audit';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { CheckpointDto } from './dto/checkpoint.dto';

/** The auditor's anchors: a signed checkpoint to keep, and a check of the log against one kept earlier. */
@ApiTags('audit')
@Controller('audit')
@RequirePermission('verify')
export class AuditController {
  constructor(private readonly auditor: LogAuditor) {}

  @Get('checkpoint')
  @ApiOperation({
    summary: 'The signed checkpoint of the log as it stands',
    description: 'Tree size, RFC 9162 Merkle root, last position, Ed25519 signature. Keep it outside the service.',
  })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiConflictResponse({ description: 'The log holds no event yet (LOG_EMPTY).', type: ErrorBodyDto })
  checkpoint(): Promise<Checkpoint> {
    return this.auditor.checkpointOfHead();
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check the log against a checkpoint kept earlier',
    description:
      'Checks the signature, that the log still begins with exactly the checkpoint\'s events (an RFC 9162 consistency ' +
      'proof), every hash chain and revision sequence. `ok: false` names the `firstDivergence`; it is still a 200: ' +
      'the check ran, its finding is the answer.',
  })
  @ApiOkResponse({ description: 'The verification report.' })
  verify(@Body() body: CheckpointDto): Promise<VerifyReport> {
    return this.auditor.verify(parseCheckpoint({ ...body }));
  }
}
