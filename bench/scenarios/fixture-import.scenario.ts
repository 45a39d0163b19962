import { join, resolve } from 'node:path';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../apps/cli/src/cli.module';
import { readCommandScript } from '../../apps/cli/src/import/command-script';
import type { ImportProgress } from '../../apps/cli/src/import/import.progress';
import { runImport } from '../../apps/cli/src/import/import.runner';
import type { Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { BENCH_ACTOR } from '../workload/command-path';

/** In the order the fixtures' README gives: cleveland requires national; norfolk stands alone. */
const FIXTURES = ['national-2021', 'cleveland-2021', 'norfolk-2023'];

/** $FUNDLEDGER_FIXTURES (as for the specs), else fixtures/ at the repository root; this file runs from dist/bench/scenarios. */
const fixturesDirectory = (): string => process.env.FUNDLEDGER_FIXTURES || resolve(__dirname, '../../../fixtures');

const silent: ImportProgress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

/**
 * `fundledger import` without its process: the CLI's own application context and import runner, on
 * a fresh file, with the published fixtures. Imported twice: the second import is what a re-run after
 * an interruption costs, every command answered as already applied.
 */
export const fixtureImportScenario: Scenario = {
  name: 'fixture-import',
  title: `fixture import: ${FIXTURES.join(', ')} through the CLI's import path`,
  async run({ workDir, memory }) {
    const scripts = FIXTURES.map((name) => readCommandScript(join(fixturesDirectory(), `${name}.json`)));
    const path = join(workDir, 'fixture-import.sqlite');
    const start = await timeMs(() =>
      NestFactory.createApplicationContext(CliModule.forRoot({ kind: 'sqlite', path, busyTimeoutMs: 5000 }, { kind: 'configured', path: join(workDir, 'unused-signing-key.pem') }), { logger: false }),
    );
    const app = start.result;
    try {
      const deps = { commandBus: app.get(CommandBus), store: app.get<EventStore>(EVENT_STORE), actor: BENCH_ACTOR, progress: silent };
      const first = await timeMs(() => runImport(scripts, deps));
      memory.sample();
      const again = await timeMs(() => runImport(scripts, deps));
      if (again.result.total.applied !== 0) throw new Error(`re-importing applied ${again.result.total.applied} commands`);
      return [
        { scenario: this.name, measure: 'application start', value: start.ms, unit: 'ms' },
        { scenario: this.name, measure: 'commands applied', value: first.result.total.applied, unit: 'commands' },
        { scenario: this.name, measure: 'commands refused', value: first.result.total.rejected, unit: 'commands' },
        { scenario: this.name, measure: 'import', value: first.ms, unit: 'ms' },
        { scenario: this.name, measure: 're-import (all already applied)', value: again.ms, unit: 'ms' },
      ];
    } finally {
      await app.close();
    }
  },
};
