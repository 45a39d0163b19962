import Database from 'better-sqlite3';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Scenario } from '../bench.types';
import { median, timeMs } from '../measure/latency.stats';
import { ledgerLogPath } from '../workload/ledger-log.workload';

/** Each read is timed this many times and the median reported. */
const RUNS = 3;

/**
 * Reading the shared log in order, every event parsed: the floor under any rebuild or replay. The raw
 * limit is better-sqlite3 iterating the same table and JSON.parse of data and metadata, nothing else;
 * fundledger is its store's readAll, which a rebuild, an as-at fold and verify all begin with.
 */
export const logReadScenario: Scenario = {
  name: 'log-read',
  needsLedgerLog: true,
  title: 'reading the shared log in order: fundledger readAll against raw better-sqlite3',
  async run({ workDir }) {
    const path = await ledgerLogPath(workDir);
    const rawTimes: number[] = [];
    const storeTimes: number[] = [];
    let events = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const raw = await timeMs(() => rawRead(path));
      rawTimes.push(raw.ms);
      events = raw.result;
      const store = SqliteEventStore.open({ path });
      try {
        const { result, ms } = await timeMs(async () => {
          let count = 0;
          for await (const event of store.readAll()) if (event.data !== undefined) count += 1;
          return count;
        });
        if (result !== events) throw new Error(`readAll gave ${result} events, the table holds ${events}`);
        storeTimes.push(ms);
      } finally {
        await store.close();
      }
    }
    return [
      { scenario: this.name, measure: 'events', value: events, unit: 'events' },
      { scenario: this.name, measure: 'raw limit: ordered read + JSON.parse', value: events / (median(rawTimes) / 1000), unit: 'events/s' },
      { scenario: this.name, measure: 'readAll: throughput', value: events / (median(storeTimes) / 1000), unit: 'events/s' },
    ];
  },
};

function rawRead(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    let count = 0;
    for (const row of db.prepare('SELECT data, metadata FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      if (JSON.parse(row.data) !== null && JSON.parse(row.metadata) !== null) count += 1;
    }
    return count;
  } finally {
    db.close();
  }
}
