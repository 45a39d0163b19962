import { parseFinancialYear } from '@fundledger/calendar';
import { yearEndToCsv } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdField } from '../commands/validation/field.decorators';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

export class YearEndQueryDto extends LedgerQueryDto {
  @IdField({ description: 'One award only; every award by default.', optional: true })
  award?: string;
}

/** Year-end figures for the statement of accounts. */
@ApiTags('reports')
@Controller('year-end')
export class YearEndQueriesController {
  constructor(private readonly answers: LedgerAnswers) {}

  @LedgerQueryRoute({
    path: ':financialYear',
    summary: 'Year-end figures of a UK financial year, per award',
    description:
      "As of 31 March: the funder's money spent in the year and to date, match funding received and spent, grant " +
      'commitments outstanding, receipts in advance and what lapses. Takes knownAt/position (as known then), not asOf.',
    notFound: 'The award asked for had not been made by 31 March (as known at the point asked for).',
  })
  async yearEnd(
    @Param('financialYear') financialYearText: string,
    @Query() query: YearEndQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ) {
    const financialYear = parseFinancialYear(financialYearText, 'financialYear');
    const answer = await this.answers.readYearEnd(financialYear, query, query.award);
    return this.answers.render(reply, { accept, query }, answer, answer.report, yearEndToCsv);
  }
}
