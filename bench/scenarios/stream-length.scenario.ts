import { join } from 'node:path';
import { DEFAULT_SNAPSHOT_EVERY, SqliteEventStore } from '@fundledger/event-store';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { awardCommand, benchAwardId, openProgrammeCommand, type ScriptCommand } from '../workload/award-commands.workload';
import { commandPath } from '../workload/command-path';
import { logWriter } from '../workload/ledger-log.workload';

/** Snapshots are on, at the service's default: a cold command folds at most this many events. */
const N = DEFAULT_SNAPSHOT_EVERY;
/**
 * Events already on the award's stream when the measured commands arrive. A stream of N events has
 * no snapshot yet: its cold command is a short stream's cold load plus the N-event fold, the yardstick
 * of a cold command on a long stream.
 */
const LENGTHS = [10, N, 1_000, 10_000, 100_000];
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

/**
 * A log whose award bench-0000 has `length` events: made, funded, a grant committed, then pennies paid
 * on it, appended directly, except the last `byCommands` pennies, which the service's own commands
 * record (keeping a snapshot as the service would).
 */
export const writePaddedAward = async (path: string, length: number, byCommands = 0): Promise<void> => {
  const writing = SqliteEventStore.open({ path });
  try {
    const append = logWriter(writing);
    await append([openProgrammeCommand()]);
    await append(Array.from({ length: SETUP_ROUNDS }, (_, round) => awardCommand(0, round)));
    const direct = length - byCommands;
    for (let from = SETUP_ROUNDS; from < direct; from += EVENTS_PER_APPEND) {
      const pennies = Array.from({ length: Math.min(EVENTS_PER_APPEND, direct - from) }, (_, i) => from + i);
      await append(pennies.map(pennyPaid));
    }
    const record = commandPath(writing);
    for (let n = direct; n < length; n += 1) await record(pennyPaid(n));
  } finally {
    await writing.close();
  }
};

/**
 * The stream as the service would have left it, in the worst case for a cold command: the padding is
 * appended directly up to N events before the end, then the service's own commands record the rest,
 * the first of them keeping a snapshot; so the cold command reads that snapshot and N - 1 events.
 */
const padded = (path: string, length: number): Promise<void> => writePaddedAward(path, length, length >= 2 * N ? N - 1 : 0);

/**
 * One award padded with penny payments, then commands on it: does a command cost the same on event 10
 * and event 100,000? The first command after opening the store reads the stream's snapshot and the
 * events after it (cold); the ones after it fold only their own events onto the cached state (warm).
 */
export const streamLengthScenario: Scenario = {
  name: 'stream-length',
  title: `one command on an award stream of ${LENGTHS.map((n) => n.toLocaleString('en-GB')).join(' / ')} events, snapshots every ${N}`,
  async run({ workDir, memory }) {
    const measures: Measure[] = [];
    const coldP50 = new Map<number, number>();
    const warmP50 = new Map<number, number>();
    for (const length of LENGTHS) {
      const path = join(workDir, `stream-${length}.sqlite`);
      await padded(path, length);
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
      coldP50.set(length, cold.percentileMs(50));
      warmP50.set(length, warm.percentileMs(50));
      const at = `${length.toLocaleString('en-GB')} events`;
      measures.push(
        { scenario: this.name, measure: `${at}: first command (cold)`, value: cold.percentileMs(50), unit: 'ms' },
        { scenario: this.name, measure: `${at}: command p50 (warm)`, value: warm.percentileMs(50), unit: 'ms' },
        // The one warm command in N that keeps a snapshot encodes and writes the whole state.
        { scenario: this.name, measure: `${at}: slowest warm command`, value: warm.percentileMs(100), unit: 'ms' },
      );
    }
    const [shortest, longest] = [LENGTHS[0]!, LENGTHS[LENGTHS.length - 1]!];
    measures.push(
      {
        scenario: this.name,
        measure: `warm p50 ${longest.toLocaleString('en-GB')} ÷ ${shortest} events`,
        value: warmP50.get(longest)! / warmP50.get(shortest)!,
        unit: '×',
      },
      {
        scenario: this.name,
        measure: `cold ${longest.toLocaleString('en-GB')} ÷ cold ${N} (a short stream's cold load + the ${N}-event fold)`,
        value: coldP50.get(longest)! / coldP50.get(N)!,
        unit: '×',
      },
    );
    return measures;
  },
};
