import { awardInScope, mayPerform, type AuthenticatedActor } from '@fundledger/access';
import { toAwardEvent } from '@fundledger/funding';
import {
  awardPositionProjection,
  awardPositionReport,
  decisionChecksProjection,
  decisionChecksReport,
  fundedMonthsFor,
  fundedMonthsProjection,
  fundedMonthsReportToJson,
  LEDGER_READER,
  LINEAGE_FIGURES,
  parseReadPoint,
  paymentsByMonth,
  describeReadPoint,
  isCurrent,
  REPORT_ROWS,
  type AwardPositionReport,
  type DecisionChecksReport,
  type FundedMonthsReportJson,
  type FundedMonthsRow,
  type LedgerReader,
  type ReadPointInput,
  type ReportRows,
  type ReportRowsReader,
} from '@fundledger/projections';
import { certificateStatus, readCertificate, summariseAwardEvent } from '@fundledger/reporting';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AwardRecords } from '../award-records/award-records.service';
import { Public } from '../auth/public.decorator';
import { chartLegend, fundedMonthsChart, sourceLabel } from './funded-months.chart';
import { LEDGER_FORMS, PAY_DISBURSEMENT } from './ledger-forms/ledger-forms';
import { pageErrorsOf } from './page-request';
import { PageRenderer } from './page-renderer.service';

/** The read point a report page was asked for: as of a business date, as known at a moment, both or neither. */
export const readPointQuery = (request: Request): { asOf?: string; knownAt?: string } => {
  const pick = (name: string): string | undefined => {
    const value = request.query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const asOf = pick('asOf');
  const knownAt = pick('knownAt');
  return { ...(asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) };
};

/** An award whose latest certificate no longer holds: which one, and how many budget changes since. */
interface StaleCertificate {
  readonly index: number;
  readonly changesSince: number;
}

/** Each position figure's lineage page, at the same read point as the award page. */
const lineageLinks = (awardId: string, point: { asOf?: string; knownAt?: string }): Record<string, string> =>
  Object.fromEntries(
    Object.keys(LINEAGE_FIGURES).map((figure) => [figure, `/app/audit/lineage?${new URLSearchParams({ awardId, figure, ...point }).toString()}#lineage`]),
  );

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
      const listed = await Promise.all(
        rows.map(async (row) => ({
          ...row,
          staleCertificate: await this.latestCertificateStale(row.position.awardId, row.position.certificates, query, signedIn.actor),
        })),
      );
      this.pages.render(response, 'awards.njk', { title: 'Awards', rows: listed, query, when: describeReadPoint(point) }, signedIn);
    } catch (error) {
      this.pages.render(response, 'awards.njk', { title: 'Awards', rows: [], query, errors: pageErrorsOf(error) }, signedIn, 400);
    }
  }

  /**
   * The latest certificate's status as the certificate pages judge it (budget events recorded since it),
   * read from the award's stream at the same point; only awards with a certificate are read.
   */
  private async latestCertificateStale(awardId: string, certificates: number, query: ReadPointInput, actor: AuthenticatedActor): Promise<StaleCertificate | undefined> {
    if (certificates === 0) return undefined;
    const { record } = await this.records.read(awardId, query, actor);
    const reading = readCertificate(record, certificates);
    if (reading === undefined || reading.status.status !== 'stale') return undefined;
    return { index: reading.certificate.index, changesSince: reading.status.eventsSince.length };
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
    const paid = paymentsByMonth(record.view.award);
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
        chart: fundedMonthsChart(months, paid),
        paid: Object.fromEntries([...paid].map(([month, amount]) => [month, amount.toString()])),
        decisions: decisionChecksReport(record.view),
        legend: chartLegend(months),
        sourceLabels: months.sources.map(sourceLabel),
        certificates,
        returns: record.returns,
        history,
        query,
        when,
        lineage: lineageLinks(awardId, query),
        mayRecord: mayPerform(signedIn.actor.role, 'record'),
        // A payment is the daily form, offered first; the others follow it.
        otherForms: LEDGER_FORMS.filter((form) => form !== PAY_DISBURSEMENT),
        mayCertify: mayPerform(signedIn.actor.role, 'certify'),
        maySubmitReturns: mayPerform(signedIn.actor.role, 'submit-returns'),
      },
      signedIn,
    );
  }
}
