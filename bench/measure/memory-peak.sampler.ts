const MB = 1024 * 1024;

/**
 * Peak rss and heapUsed of this process. A timer alone would miss the peak: a fold over an async
 * iterator keeps the microtask queue busy and starves timers, so the scenarios also call sample() from
 * inside their loops (every page read, every progress callback).
 */
export class MemoryPeakSampler {
  private peakRss = 0;
  private peakHeapUsed = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 20): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.peakRss) this.peakRss = rss;
    if (heapUsed > this.peakHeapUsed) this.peakHeapUsed = heapUsed;
  }

  /** The peaks so far, in MB. */
  peaks(): { rssMb: number; heapUsedMb: number } {
    this.sample();
    return { rssMb: this.peakRss / MB, heapUsedMb: this.peakHeapUsed / MB };
  }

  /** Stops the timer; answers the peaks in MB. */
  stop(): { rssMb: number; heapUsedMb: number } {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    return this.peaks();
  }
}
