import { join, resolve } from 'node:path';
import { SqliteEventStore, type EventStore } from '@fundledger/event-store';
import {
  foldLedgerView,
  fundedMonthsFor,
  fundedMonthsProjection,
  fundedMonthsReportToJson,
  LEDGER_VIEW_CODEC_VERSION,
  programmeTotalsOf,
  programmeTotalsReport,
  ReadModelStore,
  rebuildLedgerReadModel,
  ReportRows,
  type FundedMonthsRow,
  type LedgerView,
} from '@fundledger/projections';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { appendRecorded, clevelandHistory } from '../../libs/projections/src/read-models/ledger-history.test-builders';
import { BENCH_PROGRAMME_ID, benchAwardId } from '../workload/award-commands.workload';
import { ledgerLogPath } from '../workload/ledger-log.workload';

/** Reads of stored rows are sub-millisecond: many of them, so the median is not the timer's noise. */
const ROW_READS = 2000;
const RECOMPUTES = 100;

interface Ledger {
  readonly label: string;
  readonly awardId: string;
  readonly programmeId: string;
  readonly store: EventStore;
}

/**
 * What a report GET costs in-process, before HTTP: reading the projection's stored row (an indexed
 * lookup and a JSON parse) against today's recompute from the in-memory view (the reconciliation, or
 * the programme's totals over every award). On the fixtures (Cleveland and its programme) and on the
 * shared log (an award of 120 events, 24 pledges among them, and a programme of 250 awards).
 */
export const reportGetScenario: Scenario = {
  name: 'report-get',
  needsLedgerLog: true,
  title: 'report GETs in-process: stored rows against recomputing, Cleveland and the shared log',
  async run({ workDir, memory }) {
    // The fixtures beside the repository, as for fixture-import (this file runs from dist/bench/scenarios).
    process.env.FUNDLEDGER_FIXTURES ||= resolve(__dirname, '../../../fixtures');
    const fixtures = SqliteEventStore.open({ path: join(workDir, 'report-get.fixtures.sqlite') });
    await appendRecorded(fixtures, clevelandHistory());
    const shared = SqliteEventStore.open({ path: await ledgerLogPath(workDir) });
    const ledgers: Ledger[] = [
      { label: 'cleveland', awardId: 'dapi21-cleveland', programmeId: 'dapi-2021', store: fixtures },
      { label: 'shared log', awardId: benchAwardId(0), programmeId: BENCH_PROGRAMME_ID, store: shared },
    ];
    const measures: Measure[] = [];
    try {
      for (const ledger of ledgers) measures.push(...(await measureGets(this.name, ledger, workDir)));
      memory.sample();
      return measures;
    } finally {
      await fixtures.close();
      await shared.close();
    }
  },
};

async function measureGets(scenario: string, { label, awardId, programmeId, store }: Ledger, workDir: string): Promise<Measure[]> {
  const readModels = ReadModelStore.open(join(workDir, `report-get.${label.replace(' ', '-')}.views.sqlite`), `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
  try {
    const { position } = await rebuildLedgerReadModel(store, readModels);
    const rows = new ReportRows(readModels, position.toString());
    const events = [];
    for await (const event of store.readAll()) events.push(event);
    const view: LedgerView = foldLedgerView(events);
    const award = view.awards.get(awardId);
    if (award === undefined || rows.award(fundedMonthsProjection.name, awardId) === undefined) throw new Error(`${label}: no award ${awardId}`);

    const fromRows = {
      months: () => rows.award<FundedMonthsRow>(fundedMonthsProjection.name, awardId)?.value.json,
      totals: () => {
        const programme = rows.programme(programmeId)!;
        return programmeTotalsOf(programme.programme, programme.awards.map((line) => line.value));
      },
    };
    const recomputed = {
      months: () => fundedMonthsReportToJson(fundedMonthsFor(award)),
      totals: () => programmeTotalsReport(view, programmeId),
    };
    // The same answer either way, or the comparison would mean nothing.
    if (JSON.stringify(fromRows.months()) !== JSON.stringify(recomputed.months())) throw new Error(`${label}: funded months differ`);
    if (JSON.stringify(fromRows.totals()) !== JSON.stringify(recomputed.totals())) throw new Error(`${label}: programme totals differ`);

    const measures: Measure[] = [];
    for (const report of ['months', 'totals'] as const) {
      const name = report === 'months' ? `${label}: funded months` : `${label}: programme totals`;
      const read = await timed(fromRows[report], ROW_READS);
      const recompute = await timed(recomputed[report], RECOMPUTES);
      measures.push(
        { scenario, measure: `${name}, rows p50`, value: read.percentileMs(50), unit: 'ms' },
        { scenario, measure: `${name}, rows p99`, value: read.percentileMs(99), unit: 'ms' },
        { scenario, measure: `${name}, recompute p50`, value: recompute.percentileMs(50), unit: 'ms' },
        { scenario, measure: `${name}, recompute ÷ rows`, value: recompute.percentileMs(50) / read.percentileMs(50), unit: '×' },
      );
    }
    return measures;
  } finally {
    readModels.close();
  }
}

async function timed(work: () => unknown, times: number): Promise<LatencyRecorder> {
  const latencies = new LatencyRecorder();
  for (let i = 0; i < times; i += 1) await latencies.time(work);
  return latencies;
}
