import type { AuthenticatedActor } from '@fundledger/access';
import { contributorStatement, contributorStatementOf, contributorStatementToCsv } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OrganisationScope } from '../scope/organisation-scope.service';
import { RequestRefused } from '../errors/request-refused.error';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

@ApiTags('reports')
@Controller('contributors')
export class ContributorQueriesController {
  constructor(
    private readonly answers: LedgerAnswers,
    private readonly scope: OrganisationScope,
  ) {}

  @LedgerQueryRoute({
    path: ':organisationId/statement',
    summary: "A match-funding contributor's statement",
    description:
      'Everything one organisation has pledged, across every award: received, withdrawn, outstanding, and the months of provision it pays for. ' +
      "The organisation's own officers see all of it; others see the lines on awards in their scope.",
    notFound: 'The organisation had pledged no match funding (as at the point asked for).',
  })
  async statement(
    @Param('organisationId') organisationId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.answers.report(
      query,
      undefined,
      (rows) => contributorStatementOf(organisationId, this.scope.contributionLines(actor, organisationId, rows.contributions(organisationId))),
      (snapshot) => contributorStatement(this.scope.contributorLedger(actor, snapshot, organisationId), organisationId),
    );
    const statement = answer.report;
    // The ledger knows an organisation only through what it pledged: none means none known.
    if (statement === undefined || statement.contributions.length === 0) {
      throw new RequestRefused(404, 'CONTRIBUTOR_NOT_FOUND', `organisation ${organisationId} has pledged no match funding${answer.when}`, {
        organisationId,
      });
    }
    return this.answers.render(reply, { accept, query }, answer, statement, contributorStatementToCsv);
  }
}
