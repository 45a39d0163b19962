/**
 * Latencies are kept in nanoseconds (process.hrtime.bigint) and summarised in milliseconds. Percentiles
 * are nearest-rank, so p99 of 5,000 samples is a latency that was really observed, not interpolated.
 */
export class LatencyRecorder {
  private readonly samples: number[] = [];
  private started = 0n;
  private ended = 0n;

  /** Times one call; the first call also starts the wall clock the throughput is measured on. */
  async time<T>(work: () => Promise<T> | T): Promise<T> {
    const start = process.hrtime.bigint();
    if (this.samples.length === 0) this.started = start;
    const result = await work();
    this.ended = process.hrtime.bigint();
    this.samples.push(Number(this.ended - start));
    return result;
  }

  get count(): number {
    return this.samples.length;
  }

  /** From the start of the first call to the end of the last, in seconds. */
  get wallSeconds(): number {
    return Number(this.ended - this.started) / 1e9;
  }

  percentileMs(p: number): number {
    if (this.samples.length === 0) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1] / 1e6;
  }

  meanMs(): number {
    return this.samples.reduce((sum, ns) => sum + ns, 0) / this.samples.length / 1e6;
  }
}

/** Wall time of one piece of work, in milliseconds. */
export const timeMs = async <T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};

/** The middle of an odd number of runs: what the "medians of 3" report. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Rounded for the table: three significant decimals below 10, one below 1,000, none above. */
export const round = (value: number): number => {
  const digits = Math.abs(value) < 10 ? 3 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
