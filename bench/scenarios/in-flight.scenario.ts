import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { awardCommandsByRound, openProgrammeCommand, type ScriptCommand } from '../workload/award-commands.workload';
import { commandPath } from '../workload/command-path';

const AWARDS = 1_000;
const IN_FLIGHT = [1, 64] as const;
const ROUNDS = 4;
const RAW_TRANSACTIONS = 2_000;

/**
 * Durable commands per second with 1 and with 64 in flight over 1,000 awards, beside the raw
 * better-sqlite3 limit measured in the same run on the same disk: single-row transactions and rows
 * batched 64 per transaction (WAL, synchronous=FULL, so one fsync per transaction either way).
 */
export const inFlightScenario: Scenario = {
  name: 'in-flight',
  title: `durable commands, ${IN_FLIGHT.join(' and ')} in flight over ${AWARDS} awards, against raw better-sqlite3`,
  async run({ workDir, memory }) {
    const measures: Measure[] = [];
    for (const inFlight of IN_FLIGHT) {
      const store = SqliteEventStore.open({ path: join(workDir, `in-flight-${inFlight}.sqlite`) });
      const record = commandPath(store);
      const latency = new LatencyRecorder();
      try {
        await record(openProgrammeCommand());
        const commands = awardCommandsByRound(AWARDS, 0, ROUNDS);
        const worker = async (): Promise<void> => {
          for (let next = commands.next(); !next.done; next = commands.next()) {
            const command: ScriptCommand = next.value;
            await latency.time(() => record(command));
          }
        };
        await Promise.all(Array.from({ length: inFlight }, worker));
        memory.sample();
      } finally {
        await store.close();
      }
      measures.push(
        { scenario: this.name, measure: `${inFlight} in flight: commands/s`, value: latency.count / latency.wallSeconds, unit: 'commands/s' },
        { scenario: this.name, measure: `${inFlight} in flight: p99`, value: latency.percentileMs(99), unit: 'ms' },
      );
    }
    const raw = rawLimit(join(workDir, 'raw-limit.sqlite'));
    measures.push(
      { scenario: this.name, measure: 'raw limit: single-row tx/s', value: raw.singleRow, unit: 'tx/s' },
      { scenario: this.name, measure: 'raw limit: rows/s, 64 per tx', value: raw.batched, unit: 'rows/s' },
    );
    const ratio = (measure: string, by: number): Measure => ({
      scenario: this.name,
      measure,
      value: measures.find((m) => m.measure === `${measure.split(' ÷')[0]}: commands/s`)!.value / by,
      unit: '×',
    });
    measures.push(ratio('1 in flight ÷ raw single-row', raw.singleRow), ratio('64 in flight ÷ raw single-row', raw.singleRow));
    return measures;
  },
};

/** The ceiling: an insert of a payment-sized row per durable transaction, and 64 rows per one. */
function rawLimit(path: string): { singleRow: number; batched: number } {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT UNIQUE, data TEXT)');
    const insert = db.prepare('INSERT INTO events (id, data) VALUES (?, ?)');
    const data = JSON.stringify({ amount: '2000.00', reference: 'BACS 1', hash: 'h'.repeat(64) });
    const one = db.transaction((id: string) => insert.run(id, data));
    let started = process.hrtime.bigint();
    for (let i = 0; i < RAW_TRANSACTIONS; i += 1) one(`single-${i}`);
    const singleRow = RAW_TRANSACTIONS / (Number(process.hrtime.bigint() - started) / 1e9);
    const many = db.transaction((from: number) => {
      for (let i = 0; i < 64; i += 1) insert.run(`batched-${from + i}`, data);
    });
    started = process.hrtime.bigint();
    for (let t = 0; t < RAW_TRANSACTIONS / 10; t += 1) many(t * 64);
    const batched = ((RAW_TRANSACTIONS / 10) * 64) / (Number(process.hrtime.bigint() - started) / 1e9);
    return { singleRow, batched };
  } finally {
    db.close();
  }
}
