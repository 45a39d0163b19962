import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { Money } from '@fundledger/money';
import {
  answeredAtLine,
  answeredAtOf,
  awardPositionReport,
  renderColumns,
  type AwardPositionReport,
  type ReadPointInput,
} from '@fundledger/projections';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { readLedger, readPointOf, withReadPointOptions } from './read-point.options';

interface ReplayOptions extends ReadPointInput {
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
  withReadPointOptions(new Command('replay'))
    .description("every award's position as the ledger stood at a point, folded from the log (audit replay): --as-of, --known-at or both")
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: ReplayOptions, command: Command) => {
      const point = readPointOf(command, options);
      if (point.asOf === undefined && point.knownAt === undefined) {
        command.error('fundledger: replay needs --as-of <date>, --known-at <time> (or --as-at) or --position <n>', { exitCode: 2 });
      }
      return withSession(command, async ({ app }) => {
        const snapshot = await readLedger(app.get<EventStore>(EVENT_STORE), point);
        const reports = [...snapshot.awards()].map(awardPositionReport).sort((a, b) => a.awardId.localeCompare(b.awardId));
        const answeredAt = answeredAtOf(snapshot, point);
        if (options.format === 'json') {
          print(JSON.stringify({ answeredAt, awards: reports }, null, 2));
          return;
        }
        print(answeredAtLine(answeredAt));
        print();
        print(reports.length === 0 ? 'No award had been made.' : replayTable(reports));
      });
    });
