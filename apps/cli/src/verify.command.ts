import { EVENT_STORE, type EventStore, findChainBreak, type RecordedEvent } from '@fundledger/event-store';
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
        const store = app.get<EventStore>(EVENT_STORE);
        const streams = new Set<string>();
        for await (const event of store.readAll()) streams.add(event.stream);

        const progress = logWalkProgressOn(process.stderr, 'verify');
        let events = 0;
        const breaks: string[] = [];
        for (const stream of [...streams].sort()) {
          const recorded: RecordedEvent[] = [];
          for await (const event of store.readStream(stream)) recorded.push(event);
          events += recorded.length;
          progress.advance(events);
          const chainBreak = findChainBreak(recorded);
          if (chainBreak !== null) {
            breaks.push(
              `BROKEN ${stream} at revision ${chainBreak.revision}: ${chainBreak.problem} ` +
                `(expected ${chainBreak.expected}, found ${shown(chainBreak.found)})`,
            );
          }
        }
        progress.stop();
        if (breaks.length === 0) {
          print(`OK: ${streams.size} streams, ${events} events; every hash chain holds`);
          return;
        }
        breaks.forEach((line) => print(line));
        print(`${breaks.length} of ${streams.size} streams broken (${events} events checked)`);
        process.exitCode = 1;
      }),
    );
