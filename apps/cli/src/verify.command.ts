import { checkChainLink, EVENT_STORE, GENESIS_HASH, type ChainBreak, type EventStore } from '@fundledger/event-store';
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
        const progress = logWalkProgressOn(process.stderr, 'verify');
        // One pass over the log: events arrive in each stream's order, so each stream's last good hash is
        // all that must be kept to check its next link.
        const lastHash = new Map<string, string>();
        const firstBreak = new Map<string, ChainBreak>();
        let events = 0;
        for await (const event of store.readAll()) {
          events += 1;
          progress.advance(events);
          if (firstBreak.has(event.stream)) continue;
          const link = checkChainLink(event, lastHash.get(event.stream) ?? GENESIS_HASH);
          if ('hash' in link) lastHash.set(event.stream, link.hash);
          else firstBreak.set(event.stream, link);
        }
        const streams = new Set([...lastHash.keys(), ...firstBreak.keys()]);
        const breaks = [...firstBreak.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(
            ([stream, chainBreak]) =>
              `BROKEN ${stream} at revision ${chainBreak.revision}: ${chainBreak.problem} ` +
              `(expected ${chainBreak.expected}, found ${shown(chainBreak.found)})`,
          );
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
