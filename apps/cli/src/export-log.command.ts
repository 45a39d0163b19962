import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LogAuditor } from '@fundledger/audit';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { Command } from 'commander';
import { withSession } from './cli.session';
import { logWalkProgressOn } from './log-walk.progress';

/**
 * Every event in log order as JSON lines (`{"event": {...}}`), then one line `{"checkpoint": {...}}`
 * signed over exactly those events, so an auditor can recompute the root with any SHA-256 tool
 * (docs/audit-trail.md) and compare it with a checkpoint kept from earlier.
 */
export const exportLogCommand = (): Command =>
  new Command('export-log')
    .description('write every event in log order as JSON lines, with the signed checkpoint of them at the end')
    .argument('<file>', 'the .jsonl file to write')
    .action((file: string, _options: unknown, command: Command) =>
      withSession(command, async ({ app }) => {
        const store = app.get<EventStore>(EVENT_STORE);
        // The checkpoint first, so the events written are exactly those it covers, whatever is appended meanwhile.
        const checkpoint = await app.get(LogAuditor).checkpointOfHead();
        const out = createWriteStream(file, { flags: 'w' });
        const progress = logWalkProgressOn(process.stderr, 'export-log');
        let events = 0;
        for await (const event of store.readAll({ toPosition: BigInt(checkpoint.lastPosition) })) {
          const line = {
            event: { ...event, revision: event.revision.toString(), position: event.position.toString() },
          };
          if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
          progress.advance((events += 1));
        }
        out.end(`${JSON.stringify({ checkpoint })}\n`);
        await once(out, 'finish');
        progress.stop();
        process.stderr.write(`fundledger: ${events} events and the checkpoint (root ${checkpoint.rootHash}) written to ${file}\n`);
      }),
    );
