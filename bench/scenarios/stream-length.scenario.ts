import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { awardCommand, benchAwardId, openProgrammeCommand, type ScriptCommand } from '../workload/award-commands.workload';
import { commandPath } from '../workload/command-path';
import { logWriter } from '../workload/ledger-log.workload';

/** Events already on the award's stream when the measured commands arrive. */
export const LENGTHS = [10, 1_000, 10_000, 100_000];
const WARM_COMMANDS = 50;
const EVENTS_PER_APPEND = 5_000;
/** Make, pledge, receive and commit grant g-0 (4,000.00): the award the payments pad. */
const SETUP_ROUNDS = 4;

/** The n-th penny paid against grant g-0: the padding the issue names, and always allowed. */
export const pennyPaid = (n: number): ScriptCommand => {
  const awardId = benchAwardId(0);
  return {
    commandId: `${awardId}-penny-${n}`,
    type: 'PayDisbursement',
    body: { awardId, grantId: 'g-0', disbursementId: `p-${n}`, amount: '0.01', paidOn: '2024-04-15', reference: `BACS penny ${n}` },
  };
};

/** A log whose award bench-0000 has `length` events: made, funded, a grant committed, then pennies paid on it. */
export const writePaddedAward = async (path: string, length: number): Promise<void> => {
  const writing = SqliteEventStore.open({ path });
  try {
    const append = logWriter(writing);
    await append([openProgrammeCommand()]);
    await append(Array.from({ length: SETUP_ROUNDS }, (_, round) => awardCommand(0, round)));
    for (let from = SETUP_ROUNDS; from < length; from += EVENTS_PER_APPEND) {
      const pennies = Array.from({ length: Math.min(EVENTS_PER_APPEND, length - from) }, (_, i) => from + i);
      await append(pennies.map(pennyPaid));
    }
  } finally {
    await writing.close();
  }
};

/**
 * One award padded with penny payments, then commands on it: does a command cost the same on event 10
 * and event 100,000? The first command after opening the store folds the whole stream (cold); the
 * ones after it fold only their own events onto the cached state (warm).
 */
export const streamLengthScenario: Scenario = {
  name: 'stream-length',
  title: `one command on an award stream of ${LENGTHS.map((n) => n.toLocaleString('en-GB')).join(' / ')} events`,
  async run({ workDir, memory }) {
    const measures: Measure[] = [];
    const warmP50 = new Map<number, number>();
    for (const length of LENGTHS) {
      const path = join(workDir, `stream-${length}.sqlite`);
      await writePaddedAward(path, length);
      memory.sample();
      const store = SqliteEventStore.open({ path });
      const record = commandPath(store);
      const cold = new LatencyRecorder();
      const warm = new LatencyRecorder();
      try {
        await cold.time(() => record(pennyPaid(length)));
        for (let n = length + 1; n <= length + WARM_COMMANDS; n += 1) await warm.time(() => record(pennyPaid(n)));
      } finally {
        await store.close();
      }
      warmP50.set(length, warm.percentileMs(50));
      const at = `${length.toLocaleString('en-GB')} events`;
      measures.push(
        { scenario: this.name, measure: `${at}: first command (cold)`, value: cold.percentileMs(50), unit: 'ms' },
        { scenario: this.name, measure: `${at}: command p50 (warm)`, value: warm.percentileMs(50), unit: 'ms' },
      );
    }
    const longest = LENGTHS[LENGTHS.length - 1];
    measures.push({
      scenario: this.name,
      measure: `warm p50 ${longest.toLocaleString('en-GB')} ÷ ${LENGTHS[0]} events`,
      value: warmP50.get(longest)! / warmP50.get(LENGTHS[0])!,
      unit: '×',
    });
    return measures;
  },
};
