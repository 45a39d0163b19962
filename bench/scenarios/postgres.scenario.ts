import { copyLog, SqliteEventStore } from '@fundledger/event-store';
import { foldLedgerAsAt } from '@fundledger/projections';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { postgresBinDirectory, startThrowawayCluster } from '../../libs/event-store/src/postgres/throwaway-cluster';
import type { Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { LEDGER_AWARDS, ledgerLogPath } from '../workload/ledger-log.workload';
import { measureRawAppends } from './raw-append.scenario';

/** As in the as-at scenario: the median of three folds. */
const RUNS = 3;

/**
 * The write and replay workloads of the SQLite scenarios, on PostgreSQL: raw-append's appends, then
 * the shared ledger log moved over by `migrate`'s copy (itself a measure: how long a move takes) and
 * folded as the as-at scenario folds it. The cluster is local (a unix socket) and durable (fsync and
 * synchronous commit on, the server's defaults), started for the scenario and removed after it.
 */
export const postgresScenario: Scenario = {
  name: 'postgres',
  needsLedgerLog: true,
  title: 'PostgreSQL: raw append, the shared log migrated from SQLite, and folded at its head',
  async run({ workDir, memory }) {
    const binDirectory = postgresBinDirectory();
    if (binDirectory === undefined) throw new Error('PostgreSQL server programs (initdb, pg_ctl) are not installed: apt-get install postgresql-15');
    const cluster = startThrowawayCluster(binDirectory, { durable: true });
    try {
      const measures = await measureRawAppends(
        this.name,
        async (batch) => PostgresEventStore.connect({ connectionString: await cluster.createDatabase(`raw_append_${batch}`) }),
        memory,
      );
      const source = SqliteEventStore.open({ path: await ledgerLogPath(workDir) });
      let stamp = new Date();
      const target = await PostgresEventStore.connect({ connectionString: await cluster.createDatabase('ledger'), now: () => stamp });
      try {
        const events = Number(await source.headPosition());
        const copy = await timeMs(() =>
          copyLog(source, target, {
            stampNextAppend: (recordedAt) => {
              stamp = new Date(recordedAt);
            },
            keepsRecordedAt: true,
            onProgress: () => memory.sample(),
          }),
        );
        measures.push({ scenario: this.name, measure: 'migrate the shared log: throughput', value: events / (copy.ms / 1000), unit: 'events/s' });
        const head = await target.headPosition();
        const times: number[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          const { result, ms } = await timeMs(() => foldLedgerAsAt(target, { position: head }));
          times.push(ms);
          const awards = [...result.awards()].length;
          if (awards !== LEDGER_AWARDS) throw new Error(`the head holds ${awards} awards`);
        }
        measures.push({ scenario: this.name, measure: 'head: fold', value: [...times].sort((a, b) => a - b)[1]!, unit: 'ms' });
      } finally {
        await Promise.all([source.close(), target.close()]);
      }
      return measures;
    } finally {
      cluster.stop();
    }
  },
};
