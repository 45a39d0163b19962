import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type AppendResult, type EventToAppend } from '@fundledger/event-store';
import { migrate } from '../../libs/event-store/src/sqlite/migrations';
import { GroupCommit } from '../../libs/event-store/src/sqlite/group-commit';
import { SqliteEventLog } from '../../libs/event-store/src/sqlite/sqlite-event-log';
import type { AppendTreeKeeper } from '../../libs/event-store/src/sqlite/sqlite-merkle-tree';
import type { Measure, Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { ChainedEvents } from '../workload/chained-log.workload';

const ROUNDS = 6;
const APPENDS_PER_ROUND = 1_500;
const STREAMS = 500;

/** The same append with no tree kept: the events table alone, as before the Merkle tree. */
const keepsNoTree: AppendTreeKeeper = { prepare: () => [], headAfter: () => null };

type Append = (stream: string, events: readonly EventToAppend[], expectedRevision: bigint | 'no_stream') => Promise<AppendResult>;

/** A durable store file opened exactly as SqliteEventStore opens one, appended to without the tree. */
const treelessAppend = (path: string): { append: Append; close: () => void } => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, () => new Date());
  // The store's own append path (group commit), with the tree keeper swapped for one that keeps nothing.
  const commits = new GroupCommit(db, new SqliteEventLog(db), keepsNoTree, (error) => error);
  return {
    append: (stream, events, expectedRevision) =>
      commits.append({ stream, events, expectedRevision, recordedAt: new Date().toISOString() }),
    close: () => db.close(),
  };
};

/**
 * What keeping the Merkle tree costs each append: single-event durable appends, the same events, to a
 * store keeping the tree and to the same code with the tree keeper swapped for one that does nothing.
 */
export const auditAppendScenario: Scenario = {
  name: 'audit-append',
  title: `Merkle tree upkeep: ${ROUNDS * APPENDS_PER_ROUND} pairs of single-event appends, with and without the tree`,
  async run({ workDir, memory }) {
    const store = SqliteEventStore.open({ path: join(workDir, 'with-tree.sqlite') });
    const treeless = treelessAppend(join(workDir, 'without-tree.sqlite'));
    const withTree: Append = (stream, events, expectedRevision) => store.append(stream, events, { expectedRevision });
    const latency = { with: new LatencyRecorder(), without: new LatencyRecorder() };
    const runs = [
      { append: withTree, recorder: latency.with, events: new ChainedEvents(), revisions: new Map<string, bigint>() },
      { append: treeless.append, recorder: latency.without, events: new ChainedEvents(), revisions: new Map<string, bigint>() },
    ];
    try {
      // Pairs of appends, one to each store, the order alternating: whatever else the machine is doing
      // (other processes' fsyncs) falls on both alike, append by append.
      for (let i = 0; i < ROUNDS * APPENDS_PER_ROUND; i += 1) {
        const stream = `award-append-${i % STREAMS}`;
        for (const run of i % 2 === 0 ? runs : [...runs].reverse()) {
          const expected = run.revisions.get(stream) ?? 'no_stream';
          const result = await run.recorder.time(() => run.append(stream, [run.events.next(stream)], expected));
          run.revisions.set(stream, result.nextExpectedRevision);
        }
        if (i % APPENDS_PER_ROUND === 0) memory.sample();
      }
    } finally {
      await store.close();
      treeless.close();
    }
    // Medians: a mean on a shared machine is mostly other processes' fsync stalls, which fall on either.
    const overhead = (latency.with.percentileMs(50) / latency.without.percentileMs(50) - 1) * 100;
    const meanOverhead = (latency.with.meanMs() / latency.without.meanMs() - 1) * 100;
    return [
      { scenario: this.name, measure: 'with tree: append mean', value: latency.with.meanMs(), unit: 'ms' },
      { scenario: this.name, measure: 'with tree: append p50', value: latency.with.percentileMs(50), unit: 'ms' },
      { scenario: this.name, measure: 'with tree: append p99', value: latency.with.percentileMs(99), unit: 'ms' },
      { scenario: this.name, measure: 'without tree: append mean', value: latency.without.meanMs(), unit: 'ms' },
      { scenario: this.name, measure: 'without tree: append p50', value: latency.without.percentileMs(50), unit: 'ms' },
      { scenario: this.name, measure: 'without tree: append p99', value: latency.without.percentileMs(99), unit: 'ms' },
      { scenario: this.name, measure: 'tree upkeep: median overhead', value: overhead, unit: '%' },
      { scenario: this.name, measure: 'tree upkeep: mean overhead', value: meanOverhead, unit: '%' },
    ] satisfies Measure[];
  },
};
