import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { Money } from '@fundledger/money';
import { awardPositionReport, renderColumns, type AwardPositionReport } from '@fundledger/projections';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { answeredAt, answeredAtLine, checkAsAtOptions, readLedger } from './report.command';

interface ReplayOptions {
  readonly asAt: string;
  readonly format: 'table' | 'json';
}

const gbp = (amount: string): string => Money.fromString(amount).format();

/** One line per award: the figures an auditor compares with what was reported at the time. */
const replayTable = (reports: readonly AwardPositionReport[]): string =>
  renderColumns(
    ['Award', 'Recipient', 'Status', 'Awarded', 'Match (net)', 'Available', 'Committed', 'Paid', 'Uncommitted'],
    reports.map((r) => [
      r.awardId,
      r.recipient.name,
      r.status,
      gbp(r.awarded.current),
      gbp(r.matchFunding.net),
      gbp(r.availableFunding),
      gbp(r.committed),
      gbp(r.paid),
      gbp(r.uncommittedHeadroom),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  ).join('\n');

export const replayCommand = (): Command =>
  new Command('replay')
    .description("every award's position as the ledger stood at a moment, folded from the log (audit replay)")
    .requiredOption('--as-at <time>', 'the moment (ISO-8601 with a time zone; a date is midnight UTC)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: ReplayOptions, command: Command) => {
      checkAsAtOptions(command, options);
      return withSession(command, async ({ app }) => {
        const { snapshot } = await readLedger(app.get<EventStore>(EVENT_STORE), { asAt: options.asAt });
        const reports = [...snapshot.awards()].map(awardPositionReport).sort((a, b) => a.awardId.localeCompare(b.awardId));
        if (options.format === 'json') {
          print(JSON.stringify({ answeredAt: answeredAt(snapshot, options.asAt), awards: reports }, null, 2));
          return;
        }
        print(`${answeredAtLine(snapshot)} (asked: ${options.asAt})`);
        print();
        print(reports.length === 0 ? 'No award had been made.' : replayTable(reports));
      });
    });
