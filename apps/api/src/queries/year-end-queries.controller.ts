import { parseFinancialYear } from '@fundledger/calendar';
import type { AuthenticatedActor } from '@fundledger/access';
import { yearEndToCsv, type AwardView } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IdField } from '../commands/validation/field.decorators';
import { OrganisationScope } from '../scope/organisation-scope.service';
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
  constructor(
    private readonly answers: LedgerAnswers,
    private readonly scope: OrganisationScope,
  ) {}

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
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const financialYear = parseFinancialYear(financialYearText, 'financialYear');
    // Only the awards the caller may see: their own as recipient or funder, or those they audit.
    const visible = (view: AwardView) => this.scope.award(actor, view) !== undefined;
    const answer = await this.answers.readYearEnd(financialYear, query, { awardId: query.award, visible });
    return this.answers.render(reply, { accept, query }, answer, answer.report, yearEndToCsv);
  }
}
