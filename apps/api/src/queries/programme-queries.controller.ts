import type { AuthenticatedActor } from '@fundledger/access';
import { NotFound } from '@fundledger/funding';
import { programmeTotalsOf, programmeTotalsReport, programmeTotalsToCsv } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OrganisationScope } from '../scope/organisation-scope.service';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

@ApiTags('reports')
@Controller('programmes')
export class ProgrammeQueriesController {
  constructor(
    private readonly answers: LedgerAnswers,
    private readonly scope: OrganisationScope,
  ) {}

  @LedgerQueryRoute({
    path: ':programmeId',
    summary: "A programme's awards against its envelope",
    description:
      'Every award made from the programme with a running total, by recipient, and how far the total is over or under the envelope. ' +
      "The funder's staff and auditors see every award; a recipient's officers see their own awards in it only.",
    notFound: 'No programme with this id had been opened (as at the point asked for).',
  })
  async totals(
    @Param('programmeId') programmeId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.answers.report(
      query,
      undefined,
      (rows) => {
        const programme = rows.programme(programmeId);
        const lines = this.scope.programmeLines(actor, programme);
        return programme === undefined || lines === undefined ? undefined : programmeTotalsOf(programme.programme, lines);
      },
      (snapshot) => {
        const ledger = this.scope.programmeLedger(actor, snapshot, programmeId);
        return ledger === undefined ? undefined : programmeTotalsReport(ledger, programmeId);
      },
    );
    if (answer.report === undefined) {
      throw new NotFound('PROGRAMME_NOT_FOUND', `programme ${programmeId} has not been opened${answer.when}`, { programmeId });
    }
    return this.answers.render(reply, { accept, query }, answer, answer.report, programmeTotalsToCsv);
  }
}
