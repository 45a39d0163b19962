import type { AuthenticatedActor } from '@fundledger/access';
import { LogAuditor } from '@fundledger/audit';
import { NotFound } from '@fundledger/funding';
import {
  certificateToJson,
  readCertificate,
  renderCertificatePdf,
  type AwardRecord,
  type CertificateReading,
  type CheckpointStamp,
} from '@fundledger/reporting';
import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AwardRecords } from '../award-records/award-records.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { CertificateQueryDto } from './certificate-query.dto';
import { CERTIFY_BUDGET_EXAMPLES } from './certify-budget.examples';
import { CertifyBudgetDto } from './dto/certify-budget.dto';

const index = new ParseIntPipe({ errorHttpStatusCode: 400 });

/** Section 151 certificates of an award's decisions: issued by the s151 officer, read by anyone who may read. */
@ApiTags('certificates')
@Controller('awards/:awardId/certificates')
export class CertificatesController {
  constructor(
    private readonly commands: CommandSender,
    private readonly records: AwardRecords,
    private readonly auditor: LogAuditor,
  ) {}

  @Post()
  @CommandRoute({
    command: 'CertifyBudget',
    permission: 'certify',
    summary: "Certify a recorded decision's budget (Section 151 officer)",
    description:
      'Pins the award position and reconciliation totals at the current stream revision, with their sha256; ' +
      'a later change to a certified budget figure makes the certificate stale (payments and receipts do not).',
    body: CertifyBudgetDto,
    examples: CERTIFY_BUDGET_EXAMPLES,
    refusedWhen:
      '(d) is not stated (REGULATIONS_NOT_COMPLIED), the decision is not recorded on the award (DECISION_NOT_RECORDED), ' +
      'a mismatch or planned shortfall is not acknowledged (ACKNOWLEDGEMENT_REQUIRED), or one acknowledged does not apply ' +
      '(ACKNOWLEDGEMENT_NOT_APPLICABLE).',
  })
  certify(@Param('awardId') awardId: string, @Body() body: CertifyBudgetDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('CertifyBudget', body, { awardId }, origin);
  }

  @Get(':index')
  @RequirePermission('read')
  @ApiOperation({
    summary: 'A certificate and whether it still holds',
    description:
      'Certificates are numbered from 1 in the order issued. `status` is current until an event that changes a certified ' +
      'budget figure is recorded; then `eventsSince` lists those events and `changes` each figure before and after. ' +
      'Payments and receipts since are listed in `movementsSince` and `movements` and do not make it stale. ' +
      '`Accept: application/pdf` (or `?format=pdf`, or …/pdf) prints it.',
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({ description: 'The certificate with its status, or the printable PDF.' })
  @ApiNotFoundResponse({ description: 'No such award or certificate (as at the point asked for).', type: ErrorBodyDto })
  async read(
    @Param('awardId') awardId: string,
    @Param('index', index) n: number,
    @Query() query: CertificateQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const { reading, record, answeredAt, checkpoint } = await this.reading(awardId, n, query, actor);
    const pdf = query.format === undefined ? /\bapplication\/pdf\b/i.test(accept ?? '') : query.format === 'pdf';
    return pdf ? this.pdf(reading, record, checkpoint) : { answeredAt, ...certificateToJson(reading, record, checkpoint) };
  }

  @Get(':index/pdf')
  @RequirePermission('read')
  @ApiOperation({ summary: 'A certificate, printed' })
  @ApiProduces('application/pdf')
  @ApiNotFoundResponse({ description: 'No such award or certificate (as at the point asked for).', type: ErrorBodyDto })
  async readPdf(
    @Param('awardId') awardId: string,
    @Param('index', index) n: number,
    @Query() query: CertificateQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const { reading, record, checkpoint } = await this.reading(awardId, n, query, actor);
    return this.pdf(reading, record, checkpoint);
  }

  private async reading(awardId: string, n: number, query: CertificateQueryDto, actor: AuthenticatedActor) {
    const { record, when, answeredAt } = await this.records.read(awardId, query, actor);
    const reading = readCertificate(record, n);
    if (reading === undefined) {
      const issued = record.certificates.length;
      throw new NotFound('CERTIFICATE_NOT_FOUND', `award ${awardId} has no certificate ${n}${when} (${issued} issued)`, {
        awardId,
        index: String(n),
        issued: String(issued),
      });
    }
    // The checkpoint kept when the certificate was recorded: the log it was issued on.
    const checkpoint = (await this.auditor.keptCheckpointAt(BigInt(reading.certificate.position))) ?? null;
    return { reading, record, answeredAt, checkpoint };
  }

  private async pdf(reading: CertificateReading, record: AwardRecord, checkpoint: CheckpointStamp | null): Promise<StreamableFile> {
    const name = `certificate-${reading.awardId}-${reading.certificate.index}.pdf`;
    return new StreamableFile(await renderCertificatePdf(reading, record, checkpoint), {
      type: 'application/pdf',
      disposition: `inline; filename="${name}"`,
    });
  }
}
