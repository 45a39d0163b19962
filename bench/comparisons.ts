import type { Measure } from './bench.types';

/** A figure of the run, by the scenario and measure names the scenarios give it. */
export interface MeasureRef {
  readonly scenario: string;
  readonly measure: string;
}

/**
 * One row of the comparison table: a fundledger figure beside the raw better-sqlite3 limit (WAL,
 * synchronous=FULL) and the peer (Emmett's SQLite store), all measured in the same run on the same
 * disk, with the ratios fundledger ÷ raw and fundledger ÷ Emmett. `peerFailed` names the peer's count
 * of failed commands, shown in its cell: a throughput that holds only because most commands failed is
 * no throughput.
 */
export interface Comparison {
  readonly what: string;
  readonly fundledger: MeasureRef;
  readonly raw?: MeasureRef;
  readonly peer?: MeasureRef;
  readonly peerFailed?: MeasureRef;
}

const streamRows = (length: string): Comparison[] => [
  {
    what: `a command on a stream of ${length} events, cached (Emmett: every command reads the stream)`,
    fundledger: { scenario: 'stream-length', measure: `${length} events: command p50 (warm)` },
    peer: { scenario: 'emmett', measure: `${length} events: command p50` },
  },
  {
    what: `the first command on a stream of ${length} events (cold)`,
    fundledger: { scenario: 'stream-length', measure: `${length} events: first command (cold)` },
    peer: { scenario: 'emmett', measure: `${length} events: command p50` },
  },
];

/** Other engineers' scenarios add rows here; a row whose fundledger figure was not measured is left out. */
export const COMPARISONS: readonly Comparison[] = [
  {
    what: 'durable commands/s, 1 in flight (raw: single-row transactions)',
    fundledger: { scenario: 'in-flight', measure: '1 in flight: commands/s' },
    raw: { scenario: 'in-flight', measure: 'raw limit: single-row tx/s' },
    peer: { scenario: 'emmett', measure: '1 in flight: commands/s' },
    peerFailed: { scenario: 'emmett', measure: '1 in flight: failed' },
  },
  {
    what: 'durable commands/s, 64 in flight (raw: rows batched 64 a transaction)',
    fundledger: { scenario: 'in-flight', measure: '64 in flight: commands/s' },
    raw: { scenario: 'in-flight', measure: 'raw limit: rows/s, 64 per tx' },
    peer: { scenario: 'emmett', measure: '64 in flight: commands/s' },
    peerFailed: { scenario: 'emmett', measure: '64 in flight: failed' },
  },
  {
    what: 'command p99, 64 in flight',
    fundledger: { scenario: 'in-flight', measure: '64 in flight: p99' },
    peer: { scenario: 'emmett', measure: '64 in flight: p99' },
  },
  ...['10', '1,000', '10,000', '100,000'].flatMap(streamRows),
  {
    what: 'read the shared log in order, parsed',
    fundledger: { scenario: 'log-read', measure: 'readAll: throughput' },
    raw: { scenario: 'log-read', measure: 'raw limit: ordered read + JSON.parse' },
    peer: { scenario: 'emmett', measure: 'read the shared log: throughput' },
  },
  {
    what: 'rebuild the read model from the shared log (Emmett: its read alone)',
    fundledger: { scenario: 'read-model', measure: 'rebuild: throughput' },
    raw: { scenario: 'log-read', measure: 'raw limit: ordered read + JSON.parse' },
    peer: { scenario: 'emmett', measure: 'read the shared log: throughput' },
  },
];

export interface ComparisonResult {
  readonly comparison: Comparison;
  readonly fundledger: Measure;
  readonly raw?: Measure;
  readonly peer?: Measure;
  readonly peerFailed?: Measure;
}

/** The rows whose fundledger figure this run measured, with whatever raw and peer figures it has. */
export const compare = (measures: readonly Measure[], comparisons: readonly Comparison[] = COMPARISONS): ComparisonResult[] => {
  const find = (ref: MeasureRef | undefined): Measure | undefined =>
    ref === undefined ? undefined : measures.find((m) => m.scenario === ref.scenario && m.measure === ref.measure);
  return comparisons.flatMap((comparison) => {
    const fundledger = find(comparison.fundledger);
    if (fundledger === undefined) return [];
    const [raw, peer, peerFailed] = [find(comparison.raw), find(comparison.peer), find(comparison.peerFailed)];
    return [{ comparison, fundledger, ...(raw && { raw }), ...(peer && { peer }), ...(peerFailed && { peerFailed }) }];
  });
};
