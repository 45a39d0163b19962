import { ConfigurationError } from '@fundledger/event-store';
import { Command } from 'commander';
import { certificateCommand } from './certificate.command';
import { checkpointCommand } from './checkpoint.command';
import { exportLogCommand } from './export-log.command';
import { exportCommand } from './export.command';
import { importCommand } from './import.command';
import { importPaymentsCommand } from './import-payments.command';
import { migrateCommand } from './migrate.command';
import { rebuildCommand } from './rebuild.command';
import { replayCommand } from './replay.command';
import { reportCommand } from './report.command';
import { publicKeyCommand } from './public-key.command';
import { statusCommand } from './status.command';
import { tokenCommand } from './token.command';
import { verifyCommand } from './verify.command';

const program = new Command('fundledger')
  .description('fundledger from the command line: the same ledger the HTTP service keeps')
  .option('--db <file>', 'SQLite event store file (overrides FUNDLEDGER_DB)')
  .showHelpAfterError()
  .addCommand(statusCommand())
  .addCommand(importCommand())
  .addCommand(importPaymentsCommand())
  .addCommand(exportCommand())
  .addCommand(reportCommand())
  .addCommand(certificateCommand())
  .addCommand(replayCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand())
  .addCommand(checkpointCommand())
  .addCommand(publicKeyCommand())
  .addCommand(exportLogCommand())
  .addCommand(migrateCommand())
  .addCommand(tokenCommand());

// One line on stderr and exit code 1: scripts test the code, people read the line.
program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof ConfigurationError ? `${message}\n` : `fundledger: ${message}\n`);
  process.exitCode = 1;
});
