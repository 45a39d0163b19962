import { EVENT_STORE, verifyLog, type EventStore } from '@fundledger/event-store';
import { Command } from 'commander';
import { print, withSession } from './cli.session';
import { logWalkProgressOn } from './log-walk.progress';

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'nothing');

/**
 * Every stream's hash chain (DESIGN §3), checked from its first event: a figure, an actor or an
 * event's place that changed after it was recorded breaks the chain there. Exit code 1 on any break.
 */
export const verifyCommand = (): Command =>
  new Command('verify')
    .description("check every stream's hash chain; prints OK, or each break (exit code 1)")
    .action((_options: unknown, command: Command) =>
      withSession(command, async ({ app }) => {
        const progress = logWalkProgressOn(process.stderr, 'verify');
        const { streams, events, breaks } = await verifyLog(app.get<EventStore>(EVENT_STORE), (count) => progress.advance(count));
        progress.stop();
        if (breaks.length === 0) {
          print(`OK: ${streams} streams, ${events} events; every hash chain holds`);
          return;
        }
        for (const { stream, chainBreak } of breaks) {
          print(
            `BROKEN ${stream} at revision ${chainBreak.revision}: ${chainBreak.problem} ` +
              `(expected ${chainBreak.expected}, found ${shown(chainBreak.found)})`,
          );
        }
        print(`${breaks.length} of ${streams} streams broken (${events} events checked)`);
        process.exitCode = 1;
      }),
    );
