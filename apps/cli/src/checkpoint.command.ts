import { writeFileSync } from 'node:fs';
import { describeSigningKeySource, LogAuditor } from '@fundledger/audit';
import { Command } from 'commander';
import { print, withSession } from './cli.session';

/** The signed checkpoint of the whole log as it stands: keep it somewhere the database's holders cannot reach. */
export const checkpointCommand = (): Command =>
  new Command('checkpoint')
    .description('print (or write) the signed checkpoint of the log as it stands: its tree size and Merkle root')
    .option('--output <file>', 'write the checkpoint to this file instead of stdout')
    .action((options: { readonly output?: string }, command: Command) =>
      withSession(command, async ({ app, signingKey }) => {
        const checkpoint = await app.get(LogAuditor).checkpointOfHead();
        const json = `${JSON.stringify(checkpoint, null, 2)}\n`;
        process.stderr.write(`fundledger: ${describeSigningKeySource(signingKey)}\n`);
        if (options.output === undefined) {
          print(json.trimEnd());
          return;
        }
        writeFileSync(options.output, json, { flag: 'w' });
        process.stderr.write(`fundledger: checkpoint of ${checkpoint.treeSize} events (root ${checkpoint.rootHash}) written to ${options.output}\n`);
      }),
    );
