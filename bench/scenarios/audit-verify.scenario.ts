import { join } from 'node:path';
import { auditLog } from '@fundledger/audit';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Measure, Scenario, ScenarioContext } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { appendChainedLog } from '../workload/chained-log.workload';

/**
 * verify --checkpoint over a log of `events`: every chain, every revision, every Merkle leaf, the
 * root of the whole log and the consistency proof from a checkpoint taken at its middle.
 */
const verifyScenario = (name: string, events: number, optIn: boolean): Scenario => ({
  name,
  title: `verify --checkpoint of a ${events.toLocaleString('en-GB')}-event log`,
  optIn,
  inFull: optIn,
  async run({ workDir, memory }: ScenarioContext) {
    const store = SqliteEventStore.open({ path: join(workDir, `${name}.sqlite`) });
    try {
      const built = await timeMs(() => appendChainedLog(store, events, 1000, 100));
      memory.sample();
      const anchor = await store.treeHeadAt(BigInt(Math.floor(events / 2)));
      const { result, ms } = await timeMs(() => auditLog(store.readAll(), anchor));
      if (result.findings.length > 0 || result.anchorCheck?.consistent !== true || result.events !== events) {
        throw new Error(`the honest ${events}-event log did not verify: ${JSON.stringify(result.findings.slice(0, 3))}`);
      }
      memory.sample();
      return [
        { scenario: name, measure: 'log: build', value: built.ms, unit: 'ms' },
        { scenario: name, measure: 'verify: time', value: ms, unit: 'ms' },
        { scenario: name, measure: 'verify: throughput', value: events / (ms / 1000), unit: 'events/s' },
      ] satisfies Measure[];
    } finally {
      await store.close();
    }
  },
});

export const auditVerifyScenario = verifyScenario('audit-verify', 100_000, false);
/** Opt-in (`--only audit-verify-1m`, or `--full`): building the log alone takes about a minute. */
export const auditVerify1mScenario = verifyScenario('audit-verify-1m', 1_000_000, true);
