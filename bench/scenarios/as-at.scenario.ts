import { SqliteEventStore } from '@fundledger/event-store';
import { foldLedgerAsAt, foldLedgerAt } from '@fundledger/projections';
import type { Measure, Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { SampledEventStore } from '../measure/sampled-event-store';
import { benchAwardId } from '../workload/award-commands.workload';
import { LEDGER_AWARDS, ledgerLogPath } from '../workload/ledger-log.workload';

/** Each point is folded this many times and the median reported: one fold is long enough to be hit by a neighbour's burst. */
const RUNS = 3;

/**
 * As-at queries fold the log from its start and use nothing persisted (an auditor's replay, a report
 * with ?asAt=): their cost grows with the log's length, so they are measured on the whole shared log,
 * at its head and at its middle.
 */
export const asAtScenario: Scenario = {
  name: 'as-at',
  needsLedgerLog: true,
  title: `as-at queries: foldLedgerAsAt at the head and the middle of the shared log`,
  async run({ workDir, memory }) {
    const store = SqliteEventStore.open({ path: await ledgerLogPath(workDir) });
    const measures: Measure[] = [];
    try {
      const head = await store.headPosition();
      for (const [label, position] of [
        ['head', head],
        ['middle', head / 2n],
      ] as const) {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          const { result, ms } = await timeMs(() => foldLedgerAsAt(store, { position }));
          times.push(ms);
          const awards = [...result.awards()].length;
          if (label === 'head' && awards !== LEDGER_AWARDS) throw new Error(`the head holds ${awards} awards`);
        }
        measures.push(
          { scenario: this.name, measure: `${label}: position`, value: Number(position), unit: 'position' },
          { scenario: this.name, measure: `${label}: fold`, value: median(times), unit: 'ms' },
        );
      }
      // An award's own report as at the middle, as of a business date: only its streams are read.
      const awardId = benchAwardId(LEDGER_AWARDS - 1);
      const point = { knownAt: { position: head / 2n }, asOf: '2025-03-31' };
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const { result, ms } = await timeMs(() => foldLedgerAt(store, point, undefined, { awardId }));
        if (result.award(awardId) === undefined) throw new Error(`${awardId} is not in its own as-at answer`);
        times.push(ms);
      }
      measures.push({ scenario: this.name, measure: 'one award as at the middle, as of a date', value: median(times), unit: 'ms' });
      // Timed folds read the store directly (sampling as the log is read slows a fold by ~10%); one more
      // fold at the head, sampled as it reads, is what the scenario's memory peak comes from.
      await foldLedgerAsAt(new SampledEventStore(store, memory), { position: head });
    } finally {
      await store.close();
    }
    return measures;
  },
};

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
