import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import {
  LEDGER_VIEW_CODEC_VERSION,
  LedgerProjection,
  ReadModelStore,
  rebuildLedgerReadModel,
} from '@fundledger/projections';
import type { Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { awardCommandsByRound } from '../workload/award-commands.workload';
import { commandPath } from '../workload/command-path';
import { LEDGER_AWARDS, LEDGER_ROUNDS, ledgerLogPath } from '../workload/ledger-log.workload';

/** Four more rounds of every award: 1,000 commands, one event each, landing on awards the views already hold. */
const EXTRA_ROUNDS = 4;
const CATCH_UP_TIMEOUT_MS = 120_000;

/**
 * The read side's two ways to the persisted views: a full rebuild of the shared log (what `rebuild`
 * and a changed view format do), then the projection the service runs, starting from that rebuild's
 * checkpoint and catching up on 1,000 events written since (a restart after a busy spell).
 */
export const readModelScenario: Scenario = {
  name: 'read-model',
  needsLedgerLog: true,
  title: `read model: rebuild from ~${LEDGER_AWARDS * LEDGER_ROUNDS} events, then catch up ${LEDGER_AWARDS * EXTRA_ROUNDS}`,
  async run({ workDir, memory }) {
    // A copy, so that the events added here leave the shared log as the as-at scenario expects it.
    const path = join(workDir, 'read-model.events.sqlite');
    copyFileSync(await ledgerLogPath(workDir), path);
    const store = SqliteEventStore.open({ path });
    const readModels = ReadModelStore.open(join(workDir, 'read-model.views.sqlite'), `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
    try {
      // Memory is sampled from the rebuild's progress callback (every 1,000 events), not from a
      // wrapper around the store, which would slow the fold it measures.
      const rebuild = await timeMs(() => rebuildLedgerReadModel(store, readModels, { onProgress: () => memory.sample() }));
      const rebuildPeak = memory.peaks();

      const record = commandPath(store);
      for (const command of awardCommandsByRound(LEDGER_AWARDS, LEDGER_ROUNDS, LEDGER_ROUNDS + EXTRA_ROUNDS)) await record(command);
      const head = await store.headPosition();
      const added = Number(head - rebuild.result.position);

      const projection = new LedgerProjection(store, readModels);
      const load = await timeMs(() => projection.start());
      const catchUp = await timeMs(() => projection.waitFor(head, CATCH_UP_TIMEOUT_MS));
      await projection.stop();
      if (projection.position !== head) throw new Error(`the projection stopped at ${projection.position}, not ${head}`);

      const name = this.name;
      return [
        { scenario: name, measure: 'rebuild: events folded', value: rebuild.result.events, unit: 'events' },
        { scenario: name, measure: 'rebuild: time', value: rebuild.ms, unit: 'ms' },
        { scenario: name, measure: 'rebuild: throughput', value: rebuild.result.events / (rebuild.ms / 1000), unit: 'events/s' },
        { scenario: name, measure: 'rebuild: peak rss', value: rebuildPeak.rssMb, unit: 'MB' },
        { scenario: name, measure: 'rebuild: peak heapUsed', value: rebuildPeak.heapUsedMb, unit: 'MB' },
        { scenario: name, measure: 'catch-up: load persisted views', value: load.ms, unit: 'ms' },
        { scenario: name, measure: 'catch-up: events', value: added, unit: 'events' },
        { scenario: name, measure: 'catch-up: time', value: catchUp.ms, unit: 'ms' },
        { scenario: name, measure: 'catch-up: throughput', value: added / (catchUp.ms / 1000), unit: 'events/s' },
      ];
    } finally {
      readModels.close();
      await store.close();
    }
  },
};
