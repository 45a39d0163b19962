import type { AuthenticatedActor } from '@fundledger/access';
import { NotFound } from '@fundledger/funding';
import {
  awardPositionReport,
  awardPositionToCsv,
  decisionChecksReport,
  decisionChecksToCsv,
  fundedMonthsFor,
  fundedMonthsReportToCsv,
  fundedMonthsReportToJson,
  type AwardView,
} from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OrganisationScope } from '../scope/organisation-scope.service';
import { LedgerAnswers, type LedgerAnswer, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

const NOT_MADE = 'No award with this id had been made (as at the point asked for).';

/** What the ledger says about one award: its position, its funded months, its decisions checked. */
@ApiTags('reports')
@Controller('awards')
export class AwardQueriesController {
  constructor(
    private readonly answers: LedgerAnswers,
    private readonly scope: OrganisationScope,
  ) {}

  @LedgerQueryRoute({
    path: ':awardId',
    summary: "An award's position",
    description: 'Amount and its history, window and provision, match funding, grants, payments and headroom.',
    notFound: NOT_MADE,
  })
  async position(
    @Param('awardId') awardId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.answers.read(query, { awardId });
    return this.answers.render(reply, { accept, query }, answer, awardPositionReport(this.awardOf(answer, awardId, actor)), awardPositionToCsv);
  }

  @LedgerQueryRoute({
    path: ':awardId/funded-months',
    summary: 'Funded-months reconciliation of an award',
    description: 'Month by month, the cost of provision met from the award and its match funding, and any shortfall (DESIGN §5).',
    notFound: NOT_MADE,
  })
  async fundedMonths(
    @Param('awardId') awardId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.answers.read(query, { awardId });
    const report = fundedMonthsFor(this.awardOf(answer, awardId, actor));
    return this.answers.render(reply, { accept, query }, answer, fundedMonthsReportToJson(report), () => fundedMonthsReportToCsv(report));
  }

  @LedgerQueryRoute({
    path: ':awardId/decision-checks',
    summary: "An award's decisions checked against the ledger",
    description: 'Each declared total against the ledger when recorded and now, with the difference; and every change of the award amount.',
    notFound: NOT_MADE,
  })
  async decisionChecks(
    @Param('awardId') awardId: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.answers.read(query, { awardId });
    return this.answers.render(reply, { accept, query }, answer, decisionChecksReport(this.awardOf(answer, awardId, actor)), decisionChecksToCsv);
  }

  /** Another organisation's award is answered as one never made. */
  private awardOf(answer: LedgerAnswer, awardId: string, actor: AuthenticatedActor): AwardView {
    const view = this.scope.award(actor, answer.snapshot.award(awardId));
    if (view === undefined) throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${answer.when}`, { awardId });
    return view;
  }
}
