import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LogAuditor } from '@fundledger/audit';
import { Money } from '@fundledger/money';
import {
  checkPayments,
  DEFAULT_COLUMNS,
  parseColumnMapping,
  PaymentsFileError,
  readPaymentsFile,
  recordPayments,
  type PaymentsFile,
  type PaymentsOutcome,
} from '@fundledger/payments-import';
import { renderColumns } from '@fundledger/projections';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Command } from 'commander';
import { localUser, print, withSession } from './cli.session';

/** A file that cannot be read at all is a usage error (2), as for `import`; a row the ledger refuses is a failure (1). */
const USAGE_EXIT_CODE = 2;

interface ImportPaymentsOptions {
  readonly award: string;
  readonly dryRun?: boolean;
  readonly columns?: string;
  readonly actor?: string;
  readonly json?: boolean;
}

const RESULT_TEXT: Readonly<Record<string, string>> = {
  accepted: 'would be recorded',
  recorded: 'recorded',
  'already-recorded': 'already recorded',
  refused: 'refused',
};

export const importPaymentsCommand = (): Command =>
  new Command('import-payments')
    .description("check a finance system's payments file (CSV) against an award, row by row, and record the rows the ledger accepts")
    .argument('<file>', 'CSV with a header row and one payment a row: date, grant, amount, reference')
    .requiredOption('--award <id>', 'the award the payments are made on')
    .option('--dry-run', 'check and print every row; record nothing')
    .option('--columns <names>', 'the header of each column, e.g. "date=Posting Date,grant=Grant ID,amount=Net,reference=Invoice" (default: date, grant, amount, reference)')
    .option('--actor <id>', 'who is recorded as the actor of every payment (role finance-officer); default: the OS user')
    .option('--json', 'print the rows and counts as JSON')
    .action(async (path: string, options: ImportPaymentsOptions, command: Command) => {
      const usage = (message: string): never => command.error(`fundledger: import-payments: ${message}`, { exitCode: USAGE_EXIT_CODE });
      const actorId = options.actor === undefined ? localUser() : options.actor.trim();
      if (actorId === '') usage('--actor must name someone');
      let file: PaymentsFile;
      try {
        file = readPaymentsFile(readFileSync(path), options.columns === undefined ? DEFAULT_COLUMNS : parseColumnMapping(options.columns));
      } catch (error) {
        if (error instanceof PaymentsFileError) return usage(`${path}: ${error.message} (${error.code})`);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return usage(`${path}: no such file`);
        throw error;
      }
      const actor = { id: actorId, role: 'finance-officer' };

      const outcome = await withSession(command, async ({ app }) => {
        const checked = await checkPayments(app.get(QueryBus), file, options.award, actor);
        if (options.dryRun) return checked;
        const auditor = app.get(LogAuditor);
        const deps = { queries: app.get(QueryBus), commands: app.get(CommandBus), afterRecorded: auditor.keepCheckpointForDocuments.bind(auditor) };
        return recordPayments(deps, file, options.award, actor, checked);
      });

      if (options.json) print(JSON.stringify({ file: basename(path), dryRun: options.dryRun === true, ...outcome }, null, 2));
      else paymentLines(basename(path), outcome, options.dryRun === true).forEach((line) => print(line));
      if (outcome.rows.some((row) => row.result === 'refused')) process.exitCode = 1;
    });

/** The table a finance officer reads: each row of the file and what became of it, then the counts. */
const paymentLines = (name: string, outcome: PaymentsOutcome<string>, dryRun: boolean): string[] => {
  const counts = outcome.counts as Readonly<Record<string, number>>;
  const summary = dryRun
    ? `dry run, nothing recorded: ${counts.accepted} would be recorded, ${counts['already-recorded']} already recorded, ${counts.refused} refused`
    : `recorded ${counts.recorded}, already recorded ${counts['already-recorded']}, refused ${counts.refused}`;
  return [
    `${name} on award ${outcome.awardId} (sha256 ${outcome.sha256})`,
    '',
    ...renderColumns(
      ['Row', 'Date', 'Grant', 'Amount', 'Reference', 'Result'],
      outcome.rows.map((row) => [
        String(row.row),
        row.cells.date,
        row.cells.grant,
        row.amount === undefined ? row.cells.amount : Money.fromString(row.amount).format(),
        row.cells.reference,
        row.refusal === undefined ? RESULT_TEXT[row.result] : `refused: ${row.refusal.message} (${row.refusal.code})`,
      ]),
      ['right', 'left', 'left', 'right', 'left', 'left'],
    ),
    '',
    summary,
  ];
};
