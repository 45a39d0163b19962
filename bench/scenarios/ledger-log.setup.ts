import { SqliteEventStore } from '@fundledger/event-store';
import type { Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { LEDGER_AWARDS, LEDGER_ROUNDS, ledgerLogPath } from '../workload/ledger-log.workload';

/**
 * Not a benchmark: builds the shared log the read-side scenarios measure, in its own process, so that
 * the decided history it holds in memory while building counts against no scenario's peak.
 */
export const ledgerLogSetup: Scenario = {
  name: 'setup',
  title: `setup: the shared log, ${LEDGER_AWARDS} awards × ${LEDGER_ROUNDS} commands`,
  async run({ workDir }) {
    const { result: path, ms } = await timeMs(() => ledgerLogPath(workDir));
    const store = SqliteEventStore.open({ path });
    try {
      const head = await store.headPosition();
      return [
        { scenario: this.name, measure: 'shared log: events', value: Number(head), unit: 'events' },
        { scenario: this.name, measure: 'shared log: build', value: ms, unit: 'ms' },
      ];
    } finally {
      await store.close();
    }
  },
};
