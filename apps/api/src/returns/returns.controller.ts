import type { AuthenticatedActor } from '@fundledger/access';
import { LogAuditor } from '@fundledger/audit';
import { parseFinancialYear } from '@fundledger/calendar';
import { NotFound } from '@fundledger/funding';
import {
  readReturn,
  renderReturn,
  returnPosition,
  returnToJson,
  type AwardRecord,
  type CheckpointStamp,
  type ReturnFormat,
  type ReturnReading,
} from '@fundledger/reporting';
import { Body, Controller, Get, Headers, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AwardRecords } from '../award-records/award-records.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CommandOrigin } from '../commands/command-origin.decorator';
import type { CommandOrigin as Origin } from '../commands/command-request';
import { CommandRoute } from '../commands/command-route.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { RequestRefused } from '../errors/request-refused.error';
import { setAnsweredAtHeaders, type AnsweredAt, type ReplyHeaders } from '../queries/ledger-answer';
import { ReturnQueryDto } from './return-query.dto';
import { SubmitReturnDto } from './dto/submit-return.dto';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const QUARTERS = { '1': 1, '2': 2, '3': 3, '4': 4 } as const;

const quarterOf = (text: string): 1 | 2 | 3 | 4 => {
  const quarter = QUARTERS[text as keyof typeof QUARTERS];
  if (quarter === undefined) throw new RequestRefused(400, 'INVALID_REQUEST', `quarter: must be 1, 2, 3 or 4, got ${text}`);
  return quarter;
};

/** `?format=` wins over the Accept header; JSON unless CSV, xlsx or PDF is asked for. */
const formatOf = (query: ReturnQueryDto, accept: string | undefined): ReturnFormat => {
  if (query.format !== undefined) return query.format;
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  if (/\bapplication\/pdf\b/i.test(accept ?? '')) return 'pdf';
  return /\btext\/csv\b/i.test(accept ?? '') ? 'csv' : 'json';
};

/** Home Office returns of an award: submitted by the returns officer, read by anyone who may read. */
@ApiTags('returns')
@Controller('awards/:awardId/returns')
export class ReturnsController {
  constructor(
    private readonly commands: CommandSender,
    private readonly records: AwardRecords,
    private readonly auditor: LogAuditor,
  ) {}

  @Post()
  @CommandRoute({
    command: 'SubmitReturn',
    permission: 'submit-returns',
    summary: 'Submit the Home Office return of a quarter (returns officer)',
    description:
      'Records the figures of the quarter as the ledger now states them, with their sha256. Submitting the same ' +
      'quarter again records a new version; earlier versions stay readable.',
    body: SubmitReturnDto,
    examples: {
      norfolk: {
        summary: 'Q2 2023-24 of the Norfolk award, with a reason for one month',
        value: { commandId: 'nor23-ret-q2', financialYear: '2023-24', quarter: 2, submittedOn: '2023-10-20', varianceReasons: { '2023-08': 'Late invoice' } },
      },
    },
    refusedWhen: 'The quarter has not ended yet (RETURN_QUARTER_NOT_ENDED).',
  })
  submit(@Param('awardId') awardId: string, @Body() body: SubmitReturnDto, @CommandOrigin() origin: Origin) {
    return this.commands.send('SubmitReturn', body, { awardId }, origin);
  }

  @Get(':financialYear/:quarter')
  @RequirePermission('read')
  @ApiOperation({
    summary: 'The Home Office return of a quarter',
    description:
      'The latest submission, `?version=n` an earlier one, or (nothing submitted, or `?draft=true`) the live figures. ' +
      'Actual spend net of reversals by source (DESIGN §5 applied to payments), match funding received, the forecast ' +
      "to the end of the funder's window, the underspend that would lapse, and the variance against the profile. " +
      'JSON, CSV (`Accept: text/csv`), xlsx (`Accept: ' + XLSX_TYPE + '`) or PDF (`Accept: application/pdf`), or `?format=`. ' +
      'Every format opens with the same identity: award and funder reference, quarter, version, submitted on and by, figures hash.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, 'application/pdf')
  @ApiOkResponse({ description: 'The return with its status, version, identity and hash; or its CSV, xlsx or PDF.' })
  @ApiNotFoundResponse({ description: 'No such award, or no such submitted version.', type: ErrorBodyDto })
  async read(
    @Param('awardId') awardId: string,
    @Param('financialYear') financialYearText: string,
    @Param('quarter') quarterText: string,
    @Query() query: ReturnQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const financialYear = parseFinancialYear(financialYearText, 'financialYear');
    const quarter = quarterOf(quarterText);
    const { record, when, answeredAt } = await this.records.read(awardId, query, actor);
    const version = query.version === undefined ? undefined : Number(query.version);
    const reading = readReturn(record, financialYear, quarter, { version, draft: query.draft === 'true' });
    if (reading === undefined) {
      throw new NotFound(
        'RETURN_VERSION_NOT_FOUND',
        `Q${quarter} ${financialYear} of award ${awardId} has no submitted version ${version}${when}`,
        { awardId, financialYear, quarter: String(quarter), version: String(version) },
      );
    }
    setAnsweredAtHeaders(reply, answeredAt);
    reply.setHeader('X-Return-Status', reading.status);
    reply.setHeader('X-Figures-Hash', reading.figuresHash);
    const checkpoint = (await this.auditor.keptCheckpointAt(returnPosition(record, reading, financialYear, quarter))) ?? null;
    return this.render(reading, record, formatOf(query, accept), reply, `return-${awardId}-${financialYear}-q${quarter}`, answeredAt, checkpoint);
  }

  private async render(
    reading: ReturnReading,
    record: AwardRecord,
    format: ReturnFormat,
    reply: ReplyHeaders,
    name: string,
    answeredAt: AnsweredAt,
    checkpoint: CheckpointStamp | null,
  ) {
    const suffix = reading.version === null ? 'draft' : `v${reading.version}`;
    if (format === 'json') return { answeredAt, ...returnToJson(reading, record, checkpoint) };
    const output = await renderReturn(reading, record, format, checkpoint);
    if (format === 'csv') {
      reply.setHeader('Content-Type', 'text/csv; charset=utf-8');
      reply.setHeader('Content-Disposition', `attachment; filename="${name}-${suffix}.csv"`);
      return output;
    }
    const type = format === 'xlsx' ? XLSX_TYPE : 'application/pdf';
    return new StreamableFile(output as Buffer, { type, disposition: `attachment; filename="${name}-${suffix}.${format}"` });
  }
}
