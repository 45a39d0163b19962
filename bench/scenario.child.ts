import 'reflect-metadata';
import type { Measure } from './bench.types';
import { MemoryPeakSampler } from './measure/memory-peak.sampler';
import { SCENARIOS } from './scenarios';
import { ledgerLogSetup } from './scenarios/ledger-log.setup';

/**
 * One scenario in a process of its own (forked by run.ts), so that its memory peaks are its own and
 * not what an earlier scenario left on the heap. Answers its measures over IPC.
 */
async function main(): Promise<void> {
  const [name, workDir, size] = process.argv.slice(2);
  const scenario = [ledgerLogSetup, ...SCENARIOS].find((candidate) => candidate.name === name);
  if (scenario === undefined || workDir === undefined) throw new Error(`usage: scenario.child <scenario> <work dir> [--full]; got ${name}`);
  const memory = new MemoryPeakSampler().start();
  const measures: Measure[] = await scenario.run({ workDir, memory, full: size === '--full' });
  const peak = memory.stop();
  measures.push(
    { scenario: name, measure: 'peak rss', value: peak.rssMb, unit: 'MB' },
    { scenario: name, measure: 'peak heapUsed', value: peak.heapUsedMb, unit: 'MB' },
  );
  await new Promise<void>((resolve, reject) => process.send!({ measures }, (error: Error | null) => (error ? reject(error) : resolve())));
}

// Exits explicitly: a handle left open by the code under test must not hang the whole run.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
