import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import { foldLedgerAt, LEDGER_VIEW_CODEC_VERSION, ReadModelStore, rebuildLedgerReadModel } from '@fundledger/projections';
import type { Scenario } from '../bench.types';
import { median, timeMs } from '../measure/latency.stats';
import { benchAwardId } from '../workload/award-commands.workload';
import { LEDGER_AWARDS } from '../workload/ledger-log.workload';
import { MILLION_COPIES, millionLogPath } from '../workload/million-log.workload';

/**
 * Not a benchmark: builds the 1,020,001-event log in a process of its own, so that the events it holds
 * while copying count against no scenario's peak. Name it before rebuild-1m in --only.
 */
export const millionLogSetup: Scenario = {
  name: 'million-log',
  needsLedgerLog: true,
  optIn: true,
  inFull: true,
  title: 'setup: the 1,020,001-event log (the shared log copied 34 times)',
  async run({ workDir }) {
    const { ms } = await timeMs(() => millionLogPath(workDir));
    return [{ scenario: this.name, measure: 'log: build', value: ms, unit: 'ms' }];
  },
};

/**
 * `fundledger rebuild` on a 1,000,000-event log, and one award's report as of a date on it, opt-in as
 * it takes minutes: `npm run bench -- --full`, or `--only million-log,rebuild-1m`. Run alone, it
 * builds the log itself and its peaks include the copy's.
 */
export const rebuild1mScenario: Scenario = {
  name: 'rebuild-1m',
  needsLedgerLog: true,
  optIn: true,
  inFull: true,
  title: 'read model: rebuild of a 1,020,001-event log (8,500 awards interleaved)',
  async run({ workDir, memory }) {
    const store = SqliteEventStore.open({ path: await millionLogPath(workDir) });
    const readModels = ReadModelStore.open(join(workDir, 'rebuild-1m.views.sqlite'), `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
    try {
      const rebuild = await timeMs(() => rebuildLedgerReadModel(store, readModels, { onProgress: () => memory.sample() }));
      const peak = memory.peaks();
      const { events, transactions } = rebuild.result;
      const name = this.name;
      return [
        { scenario: name, measure: 'rebuild: events folded', value: events, unit: 'events' },
        { scenario: name, measure: 'rebuild: transactions', value: transactions, unit: 'tx' },
        { scenario: name, measure: 'rebuild: time', value: rebuild.ms, unit: 'ms' },
        { scenario: name, measure: 'rebuild: throughput', value: events / (rebuild.ms / 1000), unit: 'events/s' },
        { scenario: name, measure: 'rebuild: peak rss', value: peak.rssMb, unit: 'MB' },
        { scenario: name, measure: 'rebuild: peak heapUsed', value: peak.heapUsedMb, unit: 'MB' },
        { scenario: name, measure: 'one award as at the head, as of a date', value: await oneAwardAsOf(store), unit: 'ms' },
      ];
    } finally {
      readModels.close();
      await store.close();
    }
  },
};

/** The median of 5 reads of the last copy's last award, as known at the head, as of a date: only its streams are read. */
async function oneAwardAsOf(store: SqliteEventStore): Promise<number> {
  const awardId = `${benchAwardId(LEDGER_AWARDS - 1)}-c${MILLION_COPIES - 1}`;
  const point = { knownAt: { position: await store.headPosition() }, asOf: '2025-03-31' };
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const { result, ms } = await timeMs(() => foldLedgerAt(store, point, undefined, { awardId }));
    if (result.award(awardId) === undefined) throw new Error(`${awardId} is not in its own as-of answer`);
    times.push(ms);
  }
  return median(times);
}
