import { NotFound } from '@fundledger/funding';
import { programmeTotalsReport, programmeTotalsToCsv } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

@ApiTags('reports')
@Controller('programmes')
export class ProgrammeQueriesController {
  constructor(private readonly answers: LedgerAnswers) {}

  @LedgerQueryRoute({
    path: ':programmeId',
    summary: "A programme's awards against its envelope",
    description: 'Every award made from the programme with a running total, by recipient, and how far the total is over or under the envelope.',
    notFound: 'No programme with this id had been opened (as at the point asked for).',
  })
  async totals(
    @Param('programmeId') programmeId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ) {
    const answer = await this.answers.read(query);
    if (answer.snapshot.programme(programmeId) === undefined) {
      throw new NotFound('PROGRAMME_NOT_FOUND', `programme ${programmeId} has not been opened${answer.when}`, { programmeId });
    }
    const report = programmeTotalsReport(answer.snapshot.ledger(), programmeId);
    return this.answers.render(reply, { accept, query }, answer, report, programmeTotalsToCsv);
  }
}
