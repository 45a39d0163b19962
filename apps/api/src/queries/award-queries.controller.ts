import type { AuthenticatedActor } from '@fundledger/access';
import { NotFound } from '@fundledger/funding';
import {
  awardPositionProjection,
  awardPositionReport,
  awardPositionToCsv,
  decisionChecksProjection,
  decisionChecksReport,
  decisionChecksToCsv,
  fundedMonthsFor,
  fundedMonthsProjection,
  fundedMonthsReportToCsv,
  fundedMonthsReportToJson,
  type AwardPositionReport,
  type AwardView,
  type DecisionChecksReport,
  type FundedMonthsRow,
  type LedgerSnapshot,
} from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OrganisationScope } from '../scope/organisation-scope.service';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
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
    const answer = await this.answers.report(
      query,
      { awardId },
      (rows) => this.scope.awardRow(actor, rows.award<AwardPositionReport>(awardPositionProjection.name, awardId)),
      (snapshot) => this.withView(snapshot, awardId, actor, awardPositionReport),
    );
    return this.answers.render(reply, { accept, query }, answer, this.found(answer, awardId), awardPositionToCsv);
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
    const answer = await this.answers.report(
      query,
      { awardId },
      (rows) => this.scope.awardRow(actor, rows.award<FundedMonthsRow>(fundedMonthsProjection.name, awardId)),
      (snapshot) =>
        this.withView(snapshot, awardId, actor, (view): FundedMonthsRow => {
          const report = fundedMonthsFor(view);
          return { json: fundedMonthsReportToJson(report), csv: fundedMonthsReportToCsv(report) };
        }),
    );
    const { json, csv } = this.found(answer, awardId);
    return this.answers.render(reply, { accept, query }, answer, json, () => csv);
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
    const answer = await this.answers.report(
      query,
      { awardId },
      (rows) => this.scope.awardRow(actor, rows.award<DecisionChecksReport>(decisionChecksProjection.name, awardId)),
      (snapshot) => this.withView(snapshot, awardId, actor, decisionChecksReport),
    );
    return this.answers.render(reply, { accept, query }, answer, this.found(answer, awardId), decisionChecksToCsv);
  }

  /** An as-at or as-of answer: the report of the award's folded view, when the caller may see it. */
  private withView<Report>(snapshot: LedgerSnapshot, awardId: string, actor: AuthenticatedActor, report: (view: AwardView) => Report): Report | undefined {
    const view = this.scope.award(actor, snapshot.award(awardId));
    return view === undefined ? undefined : report(view);
  }

  /** Another organisation's award is answered as one never made. */
  private found<Report>(answer: { report: Report | undefined; when: string }, awardId: string): Report {
    if (answer.report === undefined) throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${answer.when}`, { awardId });
    return answer.report;
  }
}
