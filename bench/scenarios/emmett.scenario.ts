import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder, median, timeMs } from '../measure/latency.stats';
import { copyLogToEmmett } from '../peer/emmett-copy';
import { emmettCommandPath } from '../peer/emmett-command-path';
import { containEmmett, loadEmmett, type Emmett } from '../peer/emmett.peer';
import { awardCommandsByRound, openProgrammeCommand } from '../workload/award-commands.workload';
import { ledgerLogPath } from '../workload/ledger-log.workload';
import { pennyPaid, writePaddedAward } from './stream-length.scenario';

/**
 * The peer's command workloads: the first awards of in-flight's 1,000, fewer than fundledger runs
 * because the peer manages tens to a couple of hundred commands a second (and, at 64 in flight, waits
 * out its 1 s busy timeout): its default run stays near a minute. --full runs 1,000 awards each.
 * 64 in flight makes awards only, so a failed MakeAward cannot fail the commands after it.
 */
const WORKLOADS = {
  default: [
    { inFlight: 1, awards: 100, rounds: 2 },
    { inFlight: 64, awards: 128, rounds: 1 },
  ],
  full: [
    { inFlight: 1, awards: 1_000, rounds: 1 },
    { inFlight: 64, awards: 1_000, rounds: 1 },
  ],
} as const;
/** 100,000 only with --full: the peer reads and folds the whole stream per command, ~12 s each under load. */
const STREAM_LENGTHS = { default: [10, 1_000, 10_000], full: [10, 1_000, 10_000, 100_000] } as const;
/** Commands timed on each padded stream; the median is reported. */
const RUNS = 3;
const READ_BATCH = 1_000;

/**
 * The peer, in the same run on the same disk: Emmett's SQLite store and CommandHandler deciding with
 * fundledger's own rules (see emmettCommandPath), on the in-flight, stream-length and log-read
 * workloads. A command the peer fails is counted by its error code, not retried by the bench.
 */
export const emmettScenario: Scenario = {
  name: 'emmett',
  needsLedgerLog: true,
  title: `the peer (Emmett's SQLite store): 1 and 64 in flight, streams of 10 to 10,000 events (100,000 with --full), reading the shared log`,
  async run({ workDir, memory, full }) {
    const emmett = loadEmmett();
    if ('missing' in emmett) {
      process.stderr.write(`\nbench: ${emmett.missing}; the Emmett column stays empty\n`);
      return [];
    }
    const { result: measures, stray } = await containEmmett(async () => {
      process.stderr.write(` (emmett-sqlite ${emmett.version})`);
      const found: Measure[] = [];
      for (const workload of WORKLOADS[full ? 'full' : 'default']) {
        found.push(...(await commandsInFlight(this.name, emmett, join(workDir, `emmett-in-flight-${workload.inFlight}.sqlite`), workload)));
      }
      memory.sample();
      for (const length of STREAM_LENGTHS[full ? 'full' : 'default']) found.push(await commandOnStream(this.name, emmett, workDir, length));
      memory.sample();
      found.push(...(await readSharedLog(this.name, emmett, workDir)));
      return found;
    });
    return [...measures, ...[...stray].map(([message, count]): Measure => ({ scenario: this.name, measure: `unhandled error: ${message.slice(0, 70)}`, value: count, unit: 'times' }))];
  },
};

async function commandsInFlight(
  scenario: string,
  emmett: Emmett,
  path: string,
  { inFlight, awards, rounds }: { inFlight: number; awards: number; rounds: number },
): Promise<Measure[]> {
  const store = emmett.openStore(path);
  const record = emmettCommandPath(emmett, store);
  const latency = new LatencyRecorder();
  const failures = new Map<string, number>();
  await record(openProgrammeCommand());
  const commands = awardCommandsByRound(awards, 0, rounds);
  const worker = async (): Promise<void> => {
    for (let next = commands.next(); !next.done; next = commands.next()) {
      const command = next.value;
      await latency.time(() => record(command)).catch((error: unknown) => {
        const code = errorCode(error);
        failures.set(code, (failures.get(code) ?? 0) + 1);
      });
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const label = `${inFlight} in flight`;
  return [
    { scenario, measure: `${label}: commands/s`, value: latency.count / wallSeconds, unit: 'commands/s' },
    { scenario, measure: `${label}: p99`, value: latency.percentileMs(99), unit: 'ms' },
    { scenario, measure: `${label}: failed`, value: [...failures.values()].reduce((a, b) => a + b, 0), unit: `of ${awards * rounds}` },
    ...[...failures].map(([code, count]): Measure => ({ scenario, measure: `${label}: failed ${code}`, value: count, unit: 'commands' })),
  ];
}

/** A ledger rule's code, or SQLite's code with its message ("SQLITE_ERROR: cannot rollback - no transaction is active"). */
const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && !code.startsWith('SQLITE_')) return code;
  return error instanceof Error ? error.message.split('\n')[0].slice(0, 70) : String(error);
};

/** A penny paid on an award whose stream holds `length` events: every Emmett command reads and folds all of them. */
async function commandOnStream(scenario: string, emmett: Emmett, workDir: string, length: number): Promise<Measure> {
  const source = join(workDir, `emmett-stream-${length}.source.sqlite`);
  await writePaddedAward(source, length);
  const store = emmett.openStore(join(workDir, `emmett-stream-${length}.sqlite`));
  const from = SqliteEventStore.open({ path: source });
  try {
    await copyLogToEmmett(from, store);
  } finally {
    await from.close();
  }
  const record = emmettCommandPath(emmett, store);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) times.push((await timeMs(() => record(pennyPaid(length + run)))).ms);
  return { scenario, measure: `${length.toLocaleString('en-GB')} events: command p50`, value: median(times), unit: 'ms' };
}

/** The shared log copied into Emmett, then read in order in batches, parsed, as its consumers read it. */
async function readSharedLog(scenario: string, emmett: Emmett, workDir: string): Promise<Measure[]> {
  const path = join(workDir, 'emmett-ledger.sqlite');
  const store = emmett.openStore(path);
  const from = SqliteEventStore.open({ path: await ledgerLogPath(workDir) });
  let events = 0;
  try {
    events = await copyLogToEmmett(from, store);
  } finally {
    await from.close();
  }
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const connection = emmett.connect(path);
    try {
      const { result: read, ms } = await timeMs(async () => {
        let count = 0;
        for (let after = 0n; ; ) {
          const batch = await emmett.readMessagesBatch(connection, { after, batchSize: READ_BATCH });
          count += batch.messages.length;
          if (batch.messages.length < READ_BATCH) return count;
          after = batch.currentGlobalPosition;
        }
      });
      if (read !== events) throw new Error(`the peer read ${read} of the ${events} events copied`);
      times.push(ms);
    } finally {
      connection.close();
    }
  }
  return [
    { scenario, measure: 'read the shared log: events', value: events, unit: 'events' },
    { scenario, measure: 'read the shared log: throughput', value: events / (median(times) / 1000), unit: 'events/s' },
  ];
}
