import { LogAuditor } from '@fundledger/audit';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { Command } from 'commander';
import { localUser, print, withSession } from './cli.session';
import { CommandScriptError, readCommandScript, type CommandScript } from './import/command-script';
import { importProgressOn } from './import/import.progress';
import { runImport } from './import/import.runner';
import { importSummaryLines } from './import/import.summary';

/** A file that cannot be run as a script is a usage error (2); a command the ledger refuses is a failure (1). */
const USAGE_EXIT_CODE = 2;

interface ImportOptions {
  readonly actor?: string;
  readonly json?: boolean;
}

/** Whoever runs the import, unless --actor says otherwise: the actor recorded should be a person. */

export const importCommand = (): Command =>
  new Command('import')
    .description('record the commands of JSON command scripts (the format of fixtures/), files in the order given')
    .argument('<file...>', 'command scripts: { description, source, requires?, assumptions?, notes?, commands }')
    .option('--actor <id>', 'who is recorded as the actor of every event (role finance-officer); default: the OS user')
    .option('--json', 'print the summary as JSON')
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      const actorId = options.actor === undefined ? localUser() : options.actor.trim();
      if (actorId === '') command.error('fundledger: import: --actor must name someone', { exitCode: USAGE_EXIT_CODE });

      // Every file is read and checked before anything is written, so a typo in the last file costs nothing.
      const scripts: CommandScript[] = [];
      const problems: string[] = [];
      for (const file of files) {
        try {
          scripts.push(readCommandScript(file));
        } catch (error) {
          if (!(error instanceof CommandScriptError)) throw error;
          problems.push(error.message);
        }
      }
      if (problems.length > 0) {
        command.error(`fundledger: import: ${problems.join('\n')}`, { exitCode: USAGE_EXIT_CODE });
      }

      const summary = await withSession(command, ({ app }) =>
        runImport(scripts, {
          commandBus: app.get(CommandBus),
          store: app.get<EventStore>(EVENT_STORE),
          actor: { id: actorId, role: 'finance-officer' },
          progress: importProgressOn(process.stderr),
          afterRecorded: (receipt) => app.get(LogAuditor).keepCheckpointForDocuments(receipt),
        }),
      );
      if (options.json) print(JSON.stringify(summary, null, 2));
      else importSummaryLines(summary).forEach((line) => print(line));
      if (summary.total.rejected > 0) process.exitCode = 1;
    });
