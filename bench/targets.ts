import type { Measure } from './bench.types';

/**
 * What a finance team needs, not what the code happens to do: a team runs hundreds of awards and
 * records thousands of events a year (the shared log's 30,000 events is a decade of a busy one), from
 * a handful of people at a time. Each target says why it is set where it is. A miss is reported as
 * a miss: change a target only for a reason about the team's needs, written beside it.
 */
export interface Target {
  readonly scenario: string;
  readonly measure: string;
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly unit: string;
  readonly why: string;
}

export const TARGETS: readonly Target[] = [
  {
    scenario: 'as-at',
    measure: 'one award as at the middle, as of a date',
    atMost: 50,
    unit: 'ms',
    why: "an auditor's question about one award costs what that award holds, not the log (issue 14)",
  },
  {
    scenario: 'in-flight',
    measure: '64 in flight ÷ raw single-row',
    atLeast: 2,
    unit: '×',
    why: 'group commit: many officers at once must cost fewer fsyncs than commands (issue 14)',
  },
  {
    scenario: 'in-flight',
    measure: '1 in flight ÷ raw single-row',
    atLeast: 0.8,
    unit: '×',
    why: 'one command alone is bound by its one durable transaction, little else (issue 14)',
  },
  {
    scenario: 'stream-length',
    measure: 'warm p50 100,000 ÷ 10 events',
    atMost: 2,
    unit: '×',
    why: 'an award padded with small payments must not make every later command on it slower (issue 14)',
  },
  {
    scenario: 'stream-length',
    measure: 'cold 100,000 ÷ cold 500 (a short stream\'s cold load + the 500-event fold)',
    atMost: 2,
    unit: '×',
    why: 'the first command after a restart reads a snapshot and at most 500 events, however long the award (issue 14)',
  },
  {
    scenario: 'raw-append',
    measure: 'batch 1: throughput',
    atLeast: 2000,
    unit: 'events/s',
    why: 'a year of events (~10,000) re-recorded or migrated in 5 s; live load is far below 1 event/s',
  },
  {
    scenario: 'raw-append',
    measure: 'batch 1: append p99',
    atMost: 20,
    unit: 'ms',
    why: 'a durable append is one fsync: it must leave most of a command\'s 50 ms to the rest of the work',
  },
  {
    scenario: 'commands',
    measure: 'command p99',
    atMost: 50,
    unit: 'ms',
    why: 'an officer\'s click answered well inside the 100 ms that feels instant, even the slowest in a hundred',
  },
  {
    scenario: 'commands',
    measure: 'throughput',
    atLeast: 200,
    unit: 'commands/s',
    why: 'a year\'s 5,000 commands imported from spreadsheets in under 30 s',
  },
  {
    scenario: 'reconciliation',
    measure: 'report mean',
    atMost: 20,
    unit: 'ms',
    why: 'the largest conceivable award reconciled on a page load; a programme of 250 such awards in 5 s',
  },
  {
    scenario: 'read-model',
    measure: 'rebuild: throughput',
    atLeast: 5000,
    unit: 'events/s',
    why: 'a decade\'s log rebuilt in 6 s at a deploy that changes a view, so rebuilding is never avoided',
  },
  {
    scenario: 'read-model',
    measure: 'rebuild: peak rss',
    atMost: 512,
    unit: 'MB',
    why: 'a rebuild fits beside the service on the smallest (1 GB) machine it is run on',
  },
  {
    scenario: 'read-model',
    measure: 'catch-up: time',
    atMost: 1000,
    unit: 'ms',
    why: 'after a restart or a burst of 1,000 events, reports are current again within a second',
  },
  {
    scenario: 'rebuild-1m',
    measure: 'rebuild: throughput',
    atLeast: 150_000,
    unit: 'events/s',
    why: 'a 1,000,000-event log rebuilt in under 7 s (issue 14)',
  },
  {
    scenario: 'rebuild-1m',
    measure: 'rebuild: peak rss',
    atMost: 512,
    unit: 'MB',
    why: 'memory bounded however long the log: the rebuild fits beside the service on a 1 GB machine (issue 14)',
  },
  {
    scenario: 'rebuild-1m',
    measure: 'one award as at the head, as of a date',
    atMost: 50,
    unit: 'ms',
    why: "an auditor's question about one award costs what that award holds, however long the log (issue 14)",
  },
  {
    scenario: 'report-get',
    measure: 'cleveland: funded months, rows p50',
    atMost: 0.2,
    unit: 'ms',
    why: '5,000 report GETs a second on one core leaves 0.2 ms each for everything, HTTP included (issue 14)',
  },
  {
    scenario: 'report-get',
    measure: 'cleveland: programme totals, rows p50',
    atMost: 0.2,
    unit: 'ms',
    why: '5,000 report GETs a second on one core leaves 0.2 ms each for everything, HTTP included (issue 14)',
  },
  {
    scenario: 'as-at',
    measure: 'head: fold',
    atMost: 2000,
    unit: 'ms',
    why: 'an auditor\'s as-at replay of a decade\'s log answers within one HTTP request\'s patience',
  },
  {
    scenario: 'as-at',
    measure: 'middle: fold',
    atMost: 2000,
    unit: 'ms',
    why: 'as for the head: an earlier point must never cost more than the whole log',
  },
  {
    scenario: 'fixture-import',
    measure: 'import',
    atMost: 2000,
    unit: 'ms',
    why: 'the published fixtures (a few dozen commands) import in the time it takes to read the summary',
  },
  {
    scenario: 'token-verification',
    measure: 'verify mean',
    atMost: 250,
    unit: 'µs',
    why: 'every request checks a token: at the 1,000 requests/s a busy day never reaches it would take a quarter of one core',
  },
  {
    scenario: 'audit-append',
    measure: 'tree upkeep: median overhead',
    atMost: 10,
    unit: '%',
    why: 'the Merkle tree is kept in every append\'s transaction; anchoring the log must not noticeably slow recording it',
  },
  {
    scenario: 'audit-verify-1m',
    measure: 'verify: time',
    atMost: 10_000,
    unit: 'ms',
    why: 'an auditor checks a log far larger than a decade\'s (1,000,000 events) against a checkpoint while waiting at the desk',
  },
  {
    scenario: 'audit-verify',
    measure: 'verify: throughput',
    atLeast: 100_000,
    unit: 'events/s',
    why: 'the rate the 1,000,000-event target needs, checked on every run at a size that builds in seconds',
  },
  {
    scenario: 'payments-import',
    measure: 'check every row (preview)',
    atMost: 10_000,
    unit: 'ms',
    why: 'the officer waits on one page request for the preview of the largest file the page takes (issue 13)',
  },
  {
    scenario: 'payments-import',
    measure: 'record: rows per second',
    atLeast: 100,
    unit: 'rows/s',
    why: "a month's payments (hundreds of rows) are recorded while the officer waits on the confirmation (issue 13)",
  },
  {
    scenario: 'http',
    measure: 'POST payments: req/s',
    atLeast: 2000,
    unit: 'req/s',
    why: 'a whole programme\'s payment run posted through the API in seconds, with room for many teams at once (issue 14)',
  },
  {
    scenario: 'http',
    measure: 'POST payments: p99',
    atMost: 25,
    unit: 'ms',
    why: 'at that rate, even the slowest command in a hundred answers well inside a click (issue 14)',
  },
  {
    scenario: 'http',
    measure: 'GET funded-months: req/s',
    atLeast: 5000,
    unit: 'req/s',
    why: 'reports are read far more often than the ledger is written: a GET reads stored rows (issue 14)',
  },
  {
    scenario: 'http',
    measure: 'GET funded-months: p99',
    atMost: 10,
    unit: 'ms',
    why: 'a report page never waits on the reconciliation being recomputed (issue 14)',
  },
  {
    scenario: 'http',
    measure: 'GET position: req/s',
    atLeast: 5000,
    unit: 'req/s',
    why: 'as for funded months: the position is a stored row, read (issue 14)',
  },
  {
    scenario: 'http',
    measure: 'GET position: p99',
    atMost: 10,
    unit: 'ms',
    why: 'as for funded months (issue 14)',
  },
];

export type Verdict = 'PASS' | 'MISS' | 'NOT MEASURED';

export interface TargetResult {
  readonly target: Target;
  readonly value?: number;
  readonly verdict: Verdict;
}

export const evaluateTargets = (measures: readonly Measure[], targets: readonly Target[] = TARGETS): TargetResult[] =>
  targets.map((target) => {
    const measured = measures.find((m) => m.scenario === target.scenario && m.measure === target.measure);
    if (measured === undefined) return { target, verdict: 'NOT MEASURED' };
    const meets =
      (target.atLeast === undefined || measured.value >= target.atLeast) &&
      (target.atMost === undefined || measured.value <= target.atMost);
    return { target, value: measured.value, verdict: meets ? 'PASS' : 'MISS' };
  });

export const targetText = (target: Target): string =>
  target.atLeast !== undefined ? `≥ ${target.atLeast} ${target.unit}` : `≤ ${target.atMost} ${target.unit}`;
