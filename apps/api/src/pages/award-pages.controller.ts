import { awardInScope, mayPerform } from '@fundledger/access';
import { toAwardEvent } from '@fundledger/funding';
import type { AuthenticatedActor } from '@fundledger/access';
import {
  awardPositionProjection,
  awardPositionReport,
  decisionChecksProjection,
  decisionChecksReport,
  fundedMonthsFor,
  fundedMonthsProjection,
  fundedMonthsReportToJson,
  LEDGER_READER,
  parseReadPoint,
  describeReadPoint,
  isCurrent,
  REPORT_ROWS,
  type AwardPositionReport,
  type DecisionChecksReport,
  type FundedMonthsReportJson,
  type FundedMonthsRow,
  type LedgerReader,
  type ReportRows,
  type ReportRowsReader,
} from '@fundledger/projections';
import { certificateStatus, summariseAwardEvent } from '@fundledger/reporting';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AwardRecords } from '../award-records/award-records.service';
import { Public } from '../auth/public.decorator';
import { chartLegend, fundedMonthsChart, sourceLabel } from './funded-months.chart';
import { pageErrorsOf } from './page-request';
import { PageRenderer } from './page-renderer.service';

/** The read point a report page was asked for: as of a business date, as known at a moment, both or neither. */
const readPointQuery = (request: Request): { asOf?: string; knownAt?: string } => {
  const pick = (name: string): string | undefined => {
    const value = request.query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const asOf = pick('asOf');
  const knownAt = pick('knownAt');
  return { ...(asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) };
};

/** The business date an award event is dated by: the one field of its kind that ends in "On". */
const businessDateOf = (data: unknown): string =>
  Object.entries((data ?? {}) as Record<string, unknown>).find(([key, value]) => /On$/.test(key) && typeof value === 'string')?.[1] as string | undefined ?? '';

/** One line of the awards list: the award's position, its shortfall and its decisions out of step now. */
const listRow = (position: AwardPositionReport, months: FundedMonthsReportJson, checks: DecisionChecksReport) => ({
  position,
  shortfall: months.totals.shortfall,
  firstShortfallMonth: months.totals.firstShortfallMonth,
  mismatches: checks.mismatches.now,
});

/** The list now, from the three projections' stored rows of every award in the caller's scope. */
const listFromRows = (rows: ReportRows, actor: AuthenticatedActor) => {
  const months = new Map(rows.awards<FundedMonthsRow>(fundedMonthsProjection.name).map((row) => [row.key, row.value.json]));
  const checks = new Map(rows.awards<DecisionChecksReport>(decisionChecksProjection.name).map((row) => [row.key, row.value]));
  return rows
    .awards<AwardPositionReport>(awardPositionProjection.name)
    .filter((row) => awardInScope(actor, row.parties))
    .map((row) => listRow(row.value, months.get(row.key)!, checks.get(row.key)!));
};

/**
 * The report pages: the awards in the signed-in organisation's scope, and one award's position,
 * funded months, decisions, certificates, returns and history. Every figure comes from the same
 * reports the API answers (libs/projections, libs/reporting), read at the point the page asks for.
 */
@ApiExcludeController()
@Public()
@Controller('app/awards')
export class AwardPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly records: AwardRecords,
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
    @Inject(REPORT_ROWS) private readonly reportRows: ReportRowsReader,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    const query = readPointQuery(request);
    try {
      const point = parseReadPoint(query, this.reader.today());
      const rows = isCurrent(point)
        ? listFromRows(await this.reportRows.current(), signedIn.actor)
        : [...(await this.reader.at(point)).awards()]
            .filter((view) => awardInScope(signedIn.actor, { funderId: view.award.funder.id, recipientId: view.award.recipient.id }))
            .map((view) => listRow(awardPositionReport(view), fundedMonthsReportToJson(fundedMonthsFor(view)), decisionChecksReport(view)));
      this.pages.render(response, 'awards.njk', { title: 'Awards', rows, query, when: describeReadPoint(point) }, signedIn);
    } catch (error) {
      this.pages.render(response, 'awards.njk', { title: 'Awards', rows: [], query, errors: pageErrorsOf(error) }, signedIn, 400);
    }
  }

  @Get(':awardId')
  async award(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    const query = readPointQuery(request);
    let read: Awaited<ReturnType<AwardRecords['read']>>;
    try {
      read = await this.records.read(awardId, query, signedIn.actor);
    } catch (error) {
      const errors = pageErrorsOf(error);
      return this.pages.render(response, 'refused.njk', { title: 'Award not shown', message: errors.map((e) => e.text).join('; ') }, signedIn, 404);
    }
    const { record, when } = read;
    const position = awardPositionReport(record.view);
    const months = fundedMonthsReportToJson(fundedMonthsFor(record.view));
    const certificates = record.certificates.map((certificate) => ({
      certificate,
      status: certificateStatus(record.view, certificate, record.events),
    }));
    const history = [...record.events].reverse().map((event) => ({
      revision: event.revision.toString(),
      type: event.type,
      businessDate: businessDateOf(event.data),
      recordedAt: event.recordedAt,
      actor: (event.metadata.actor as { id?: string; role?: string } | undefined) ?? null,
      summary: summariseAwardEvent(toAwardEvent(event), record.view.award),
    }));
    this.pages.render(
      response,
      'award.njk',
      {
        title: `Award ${awardId}`,
        position,
        months,
        chart: fundedMonthsChart(months),
        decisions: decisionChecksReport(record.view),
        legend: chartLegend(months),
        sourceLabels: months.sources.map(sourceLabel),
        certificates,
        returns: record.returns,
        history,
        query,
        when,
        mayRecord: mayPerform(signedIn.actor.role, 'record'),
        mayCertify: mayPerform(signedIn.actor.role, 'certify'),
        maySubmitReturns: mayPerform(signedIn.actor.role, 'submit-returns'),
      },
      signedIn,
    );
  }
}
