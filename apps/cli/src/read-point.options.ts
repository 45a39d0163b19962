import { ukDateOf } from '@fundledger/calendar';
import type { EventStore } from '@fundledger/event-store';
import { InvalidReadPointError, LogLedgerReader, parseReadPoint, type LedgerSnapshot, type ReadPoint, type ReadPointInput } from '@fundledger/projections';
import type { Command } from 'commander';

/** A usage mistake exits 2, before anything is opened. */
const USAGE_EXIT_CODE = 2;

/** The two time axes every report takes (see ReadPoint): --as-of, and --known-at (alias --as-at) or --position. */
export const withReadPointOptions = (command: Command, what = 'the ledger'): Command =>
  command
    .option('--as-of <date>', `${what} as of the end of this UK day (business date, YYYY-MM-DD), as known now`)
    .option('--known-at <time>', `${what} as it was known (recorded) at this instant (ISO-8601 with a time zone; a date is midnight UTC)`)
    .option('--as-at <time>', 'the earlier name of --known-at')
    .option('--position <n>', `${what} as it was known at this log position`);

/** Reads the axes the caller gave, or stops with exit code 2 and the reason. */
export const readPointOf = (command: Command, options: ReadPointInput, now: Date = new Date()): ReadPoint => {
  try {
    return parseReadPoint(options, ukDateOf(now));
  } catch (error) {
    if (!(error instanceof InvalidReadPointError)) throw error;
    // Commander's flag names, not the HTTP query's.
    const message = error.message.replace(/\bknownAt\b/g, '--known-at').replace(/\basAt\b/g, '--as-at').replace(/\basOf\b/g, '--as-of');
    return command.error(`fundledger: ${message}`, { exitCode: USAGE_EXIT_CODE });
  }
};

/** The ledger folded from the log at the point asked for: the CLI never needs the service nor its read model. */
export const readLedger = (store: EventStore, point: ReadPoint): Promise<LedgerSnapshot> => {
  const reader = new LogLedgerReader(store);
  return point.asOf === undefined && point.knownAt === undefined ? reader.current() : reader.at(point);
};
