import { join } from 'node:path';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { parseFundingCommand } from '@fundledger/funding';
import { RecordFundingCommand } from '@fundledger/funding/application';
import { hashCommandBody, type JsonObject } from '@fundledger/event-store';
import { checkPayments, MAX_PAYMENT_ROWS, readPaymentsFile, recordPayments } from '@fundledger/payments-import';
import { CliModule } from '../../apps/cli/src/cli.module';
import type { Scenario } from '../bench.types';
import { timeMs } from '../measure/latency.stats';
import { BENCH_ACTOR } from '../workload/command-path';

const AWARD_ID = 'bench-payments';

/** The largest file the page and the CLI take: one payment a row to one of ten grants, each row accepted. */
const paymentsFile = (): Buffer =>
  Buffer.from(
    ['date,grant,amount,reference', ...Array.from({ length: MAX_PAYMENT_ROWS }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/11/2021,g-${i % 10},${(i % 97) + 1}.25,INV-${i}`)].join('\n'),
  );

/**
 * A finance system's largest payments file through the path the upload page and `import-payments`
 * take: read, check every row without recording (the preview), record (the confirmation, one command
 * a row through the bus), and check again (the same file uploaded twice: every row already recorded).
 */
export const paymentsImportScenario: Scenario = {
  name: 'payments-import',
  title: `payments import: a ${MAX_PAYMENT_ROWS.toLocaleString('en-GB')}-row CSV read, checked, recorded, checked again`,
  async run({ workDir, memory }) {
    const app = await NestFactory.createApplicationContext(
      CliModule.forRoot({ kind: 'sqlite', path: join(workDir, 'payments-import.sqlite'), busyTimeoutMs: 5000 }, { kind: 'configured', path: join(workDir, 'unused-signing-key.pem') }),
      { logger: false },
    );
    try {
      const commands = app.get(CommandBus);
      const send = (type: string, body: JsonObject, commandId: string) =>
        commands.execute(new RecordFundingCommand(parseFundingCommand(type, body), { commandId, commandHash: hashCommandBody(type, body), actor: BENCH_ACTOR }));
      const org = (id: string) => ({ id, name: id });
      await send('MakeAward', { awardId: AWARD_ID, funder: org('funder'), recipient: org('recipient'), amount: '10000000.00', awardedOn: '2021-07-01', window: { start: '2021-10', end: '2022-09' }, decisionRef: 'D-1', description: 'Bench' }, 'award');
      for (let g = 0; g < 10; g += 1) {
        await send('CommitGrant', { awardId: AWARD_ID, grantId: `g-${g}`, grantee: org(`grantee-${g}`), amount: '1000000.00', committedOn: '2021-08-01', purpose: 'Bench' }, `grant-${g}`);
      }
      const bytes = paymentsFile();
      const read = await timeMs(() => readPaymentsFile(bytes));
      const deps = { queries: app.get(QueryBus), commands };
      const check = await timeMs(() => checkPayments(deps.queries, read.result, AWARD_ID, BENCH_ACTOR));
      if (check.result.counts.accepted !== MAX_PAYMENT_ROWS) throw new Error(`the check accepted ${check.result.counts.accepted} rows`);
      memory.sample();
      const record = await timeMs(() => recordPayments(deps, read.result, AWARD_ID, BENCH_ACTOR, check.result));
      if (record.result.counts.recorded !== MAX_PAYMENT_ROWS) throw new Error(`recorded ${record.result.counts.recorded} rows`);
      const again = await timeMs(() => checkPayments(deps.queries, read.result, AWARD_ID, BENCH_ACTOR));
      if (again.result.counts['already-recorded'] !== MAX_PAYMENT_ROWS) throw new Error('the same file again was not all already recorded');
      return [
        { scenario: this.name, measure: 'read the file', value: read.ms, unit: 'ms' },
        { scenario: this.name, measure: 'check every row (preview)', value: check.ms, unit: 'ms' },
        { scenario: this.name, measure: 'record every row', value: record.ms, unit: 'ms' },
        { scenario: this.name, measure: 'record: rows per second', value: (MAX_PAYMENT_ROWS * 1000) / record.ms, unit: 'rows/s' },
        { scenario: this.name, measure: 'check the same file again', value: again.ms, unit: 'ms' },
      ];
    } finally {
      await app.close();
    }
  },
};
