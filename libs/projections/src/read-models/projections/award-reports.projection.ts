import { AWARD_EVENT_TYPES, type AwardEventType } from '@fundledger/funding';
import { awardPositionReport, type AwardPositionReport } from '../../award-position/award-position.report';
import { decisionChecksReport, type DecisionChecksReport } from '../../decision-checks/decision-checks.report';
import { fundedMonthsFor } from '../../funded-months/award-to-reconciliation';
import { fundedMonthsReportToCsv } from '../../funded-months/funded-months.csv';
import { fundedMonthsReportToJson, type FundedMonthsReportJson } from '../../funded-months/funded-months.json';
import type { FundedMonthsReport } from '../../funded-months/funded-months.report';
import type { AwardView } from '../../ledger';
import { awardReportRow, type ReportProjection } from './report-projection';

export const EVERY_AWARD_EVENT: ReadonlySet<string> = new Set(AWARD_EVENT_TYPES);

/**
 * The reconciliation of one award view, computed once for the projections that follow each other on
 * the same view (funded months, then contributor statements). One entry only: a cache keyed by every
 * view would keep every award's reconciliation alive for as long as its view, gigabytes in a rebuild.
 */
let lastReconciled: { readonly view: AwardView; readonly report: FundedMonthsReport } | undefined;
export const reconciliationOf = (view: AwardView): FundedMonthsReport => {
  if (lastReconciled?.view !== view) lastReconciled = { view, report: fundedMonthsFor(view) };
  return lastReconciled.report;
};

/** Every event of the award moves its position (the report states the revision it was read at). */
export const awardPositionProjection: ReportProjection = {
  name: 'award-position',
  handles: EVERY_AWARD_EVENT,
  rowsOfAward: (view) => [awardReportRow(view, awardPositionReport(view) satisfies AwardPositionReport)],
};

/** The funded-months reconciliation (DESIGN §5) as the API answers it, in JSON and in CSV. */
export interface FundedMonthsRow {
  readonly json: FundedMonthsReportJson;
  readonly csv: string;
}

/** Payments, costs, sources and windows all move the reconciliation: every award event. */
export const fundedMonthsProjection: ReportProjection = {
  name: 'funded-months',
  handles: EVERY_AWARD_EVENT,
  rowsOfAward: (view) => {
    const report = reconciliationOf(view);
    return [awardReportRow(view, { json: fundedMonthsReportToJson(report), csv: fundedMonthsReportToCsv(report) } satisfies FundedMonthsRow)];
  },
};

/**
 * A decision is checked against the ledger's figures now (award amount, match funding pledged less
 * withdrawn, grants committed) and as recorded: only the events that move those figures, or record a
 * decision, change the checks. Payments, receipts, certificates and returns do not.
 */
const DECISION_CHECK_EVENTS: ReadonlySet<string> = new Set<AwardEventType>([
  'AwardMade',
  'AwardVaried',
  'MatchFundingPledged',
  'MatchFundingWithdrawn',
  'GrantCommitted',
  'GrantCommitmentVaried',
  'DecisionRecorded',
]);

export const decisionChecksProjection: ReportProjection = {
  name: 'decision-checks',
  handles: DECISION_CHECK_EVENTS,
  rowsOfAward: (view) => [awardReportRow(view, decisionChecksReport(view) satisfies DecisionChecksReport)],
};
