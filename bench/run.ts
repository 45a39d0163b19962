import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Measure, Scenario } from './bench.types';
import { round } from './measure/latency.stats';
import { machineInfo, machineLine } from './measure/machine.info';
import { compare } from './comparisons';
import { comparisonTable, measuresTable, peerFailureLines, targetsTable } from './measure/results.table';
import { BENCH_INSTALL } from './bench-packages';
import { SCENARIOS } from './scenarios';
import { ledgerLogSetup } from './scenarios/ledger-log.setup';
import { evaluateTargets, TARGETS } from './targets';

/**
 * `npm run bench [-- --check] [-- --full] [-- --only <scenario>[,<scenario>]]`; opt-in scenarios run only
 * when named in --only (or, those marked inFull, with --full). --full hands every scenario the
 * issue's full sizes (the 1,000,000-event log) through its context. Reports every measure and every
 * target; with --check a missed target also fails the run (exit 1). A scenario that crashes always
 * fails it: its figures would be missing, not slow.
 */
const RESULTS_FILE = resolve(__dirname, '..', 'bench-results.json');

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const full = args.includes('--full');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : undefined;
  const scenarios = only === undefined ? SCENARIOS.filter((s) => s.optIn !== true || (full && s.inFull === true)) : SCENARIOS.filter((s) => only.includes(s.name));
  if (scenarios.length === 0) {
    process.stderr.write(`bench: no scenario named ${only?.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }

  const machine = machineInfo();
  const startedAt = new Date();
  out(machineLine(machine) + (full ? '; --full sizes' : ''));
  const workDir = mkdtempSync(join(tmpdir(), 'fundledger-bench-'));
  const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    removeWorkDir();
    process.exit(130);
  });

  const measures: Measure[] = [];
  const failed: string[] = [];
  try {
    const setup = scenarios.some((s) => s.needsLedgerLog) ? [ledgerLogSetup] : [];
    for (const scenario of [...setup, ...scenarios]) {
      const started = process.hrtime.bigint();
      process.stderr.write(`bench: ${scenario.title} ...`);
      const outcome = await runInChild(scenario, workDir, full);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stderr.write(` ${outcome === undefined ? 'FAILED' : 'done'} in ${seconds.toFixed(1)} s\n`);
      if (outcome === undefined) failed.push(scenario.name);
      else measures.push(...outcome);
    }
  } finally {
    removeWorkDir();
  }

  const results = evaluateTargets(measures, TARGETS.filter((t) => scenarios.some((s) => s.name === t.scenario)));
  const durationS = Number(((Date.now() - startedAt.getTime()) / 1000).toFixed(1));
  out();
  measuresTable(measures).forEach((line) => out(line));
  out();
  const comparisons = compare(measures);
  if (comparisons.length > 0) {
    comparisonTable(comparisons).forEach((line) => out(line));
    peerFailureLines(measures).forEach((line) => out(line));
    // The peer's own crash is reported as FAILED below; this is for the run where it was never installed.
    const peerRan = scenarios.some((s) => s.name === 'emmett') && !failed.includes('emmett');
    if (peerRan && !measures.some((m) => m.scenario === 'emmett' && m.unit !== 'MB')) {
      out(`Emmett: not measured, not installed in bench/ (${BENCH_INSTALL})`);
    }
    out();
  }
  targetsTable(results).forEach((line) => out(line));
  out();
  const misses = results.filter((r) => r.verdict !== 'PASS').length;
  out(`${results.length - misses} of ${results.length} targets met; whole run ${durationS} s` + (failed.length > 0 ? `; FAILED: ${failed.join(', ')}` : ''));

  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const json = {
    startedAt: startedAt.toISOString(),
    durationS,
    full,
    machine,
    measures: measures.map((m) => ({ ...m, value: round(m.value) })),
    comparisons: comparisons.map(({ comparison, fundledger, raw, peer }) => ({
      what: comparison.what,
      fundledger: round(fundledger.value),
      raw: raw === undefined ? null : round(raw.value),
      emmett: peer === undefined ? null : round(peer.value),
      unit: fundledger.unit,
    })),
    targets: results.map(({ target, value, verdict }) => ({ ...target, value: value === undefined ? null : round(value), verdict })),
    failed,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  out(`results: ${RESULTS_FILE}`);
  return failed.length > 0 || (check && misses > 0) ? 1 : 0;
}

/** Resolves with the scenario's measures, or undefined when its process failed (its stderr shows why). */
const runInChild = (scenario: Scenario, workDir: string, full: boolean): Promise<Measure[] | undefined> =>
  new Promise((done) => {
    let measures: Measure[] | undefined;
    const child = fork(join(__dirname, 'scenario.child.js'), [scenario.name, workDir, ...(full ? ['--full'] : [])], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message: { measures: Measure[] }) => {
      measures = message.measures;
    });
    child.on('exit', (code) => done(code === 0 ? measures : undefined));
  });

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
