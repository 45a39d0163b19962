import fc from 'fast-check';
import { awardPositionReport } from '../../award-position/award-position.report';
import { contributorStatement, contributorStatementOf } from '../../contributor-statement/contributor-statement.report';
import { decisionChecksReport } from '../../decision-checks/decision-checks.report';
import { fundedMonthsFor } from '../../funded-months/award-to-reconciliation';
import { fundedMonthsReportToCsv } from '../../funded-months/funded-months.csv';
import { fundedMonthsReportToJson } from '../../funded-months/funded-months.json';
import { programmeTotalsOf, programmeTotalsReport } from '../../programme-totals/programme-totals.report';
import { generatedLedger } from '../ledger-history.test-builders';
import { awardPositionProjection, decisionChecksProjection, fundedMonthsProjection } from './award-reports.projection';
import { projectedRows } from './projection.test-builders';

/** What a client receives: the report as JSON. */
const asServed = (report: unknown): unknown => JSON.parse(JSON.stringify(report));

/*
 * The stored rows are the report functions' answers over the folded ledger, exactly, whatever the
 * history and however its events were split into committed batches (a batch of one event each, a
 * whole log at once, or anything between): so a projection that skips an event type it claims not
 * to need would show here as a figure out of date.
 */
describe('report projections over generated histories', () => {
  it('store, for every award, programme and contributor, exactly what the reports compute from the folded ledger', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), (seed, batchSizes) => {
        const { events } = generatedLedger({ awards: 5, commandsPerAward: 14, seed });
        const { rows, ledger, close } = projectedRows(events, batchSizes);
        try {
          for (const view of ledger.awards.values()) {
            const { awardId } = view.award;
            expect(rows.award(awardPositionProjection.name, awardId)?.value).toEqual(asServed(awardPositionReport(view)));
            expect(rows.award(decisionChecksProjection.name, awardId)?.value).toEqual(asServed(decisionChecksReport(view)));
            const months = fundedMonthsFor(view);
            expect(rows.award(fundedMonthsProjection.name, awardId)?.value).toEqual({
              json: asServed(fundedMonthsReportToJson(months)),
              csv: fundedMonthsReportToCsv(months),
            });
          }
          for (const programmeId of ledger.programmes.keys()) {
            const stored = rows.programme(programmeId)!;
            expect(asServed(programmeTotalsOf(stored.programme, stored.awards.map((line) => line.value)))).toEqual(
              asServed(programmeTotalsReport(ledger, programmeId)),
            );
          }
          for (const organisationId of ['council-0', 'council-1', 'council-2', 'council-3', 'council-4']) {
            const entries = rows.contributions(organisationId).map((row) => row.value);
            expect(contributorStatementOf(organisationId, entries)).toEqual(contributorStatement(ledger, organisationId));
          }
        } finally {
          close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
