import type { MemoryPeakSampler } from './measure/memory-peak.sampler';

/** One figure a scenario measured: a row of the printed table and of dist/bench-results.json. */
export interface Measure {
  readonly scenario: string;
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
}

/** What every scenario is given: a private temporary folder, removed by the runner afterwards. */
export interface ScenarioContext {
  readonly workDir: string;
  /** Started before the scenario; the runner reports its peaks. Sample it inside long synchronous loops. */
  readonly memory: MemoryPeakSampler;
  /** `npm run bench -- --full`: the sizes the targets name (the 1,000,000-event log), not the minute-long defaults. */
  readonly full: boolean;
}

export interface Scenario {
  /** Short and stable: the `--only` argument, the table's first column and the targets' key. */
  readonly name: string;
  readonly title: string;
  /** Reads the shared ~30,000-event log, which the runner then builds first, in a process of its own. */
  readonly needsLedgerLog?: boolean;
  /** Runs only when named in --only: too long for every run. */
  readonly optIn?: boolean;
  /** An opt-in scenario that `--full` runs too: one that only exists at the full sizes. */
  readonly inFull?: boolean;
  run(context: ScenarioContext): Promise<Measure[]>;
}
