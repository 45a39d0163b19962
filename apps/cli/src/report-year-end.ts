import { InvalidCalendarValueError, parseFinancialYear } from '@fundledger/calendar';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import {
  answeredAtLine,
  answeredAtOf,
  LogLedgerReader,
  readYearEnd,
  yearEndToCsv,
  yearEndToTable,
  type ReadPoint,
} from '@fundledger/projections';
import type { Command } from 'commander';
import { print, withSession } from './cli.session';

export interface YearEndReportOptions {
  readonly financialYear?: string;
  readonly award?: string;
  readonly format: string;
}

const USAGE_EXIT_CODE = 2;

/** `report year-end`: each award's figures for the statement of accounts, as of 31 March of the year. */
export const reportYearEndAction = (command: Command, options: YearEndReportOptions, point: ReadPoint): Promise<void> => {
  const financialYear = options.financialYear;
  if (financialYear === undefined) {
    command.error('fundledger: report year-end needs --financial-year <YYYY-YY>, e.g. --financial-year 2021-22', { exitCode: USAGE_EXIT_CODE });
  }
  try {
    parseFinancialYear(financialYear, '--financial-year');
  } catch (error) {
    if (!(error instanceof InvalidCalendarValueError)) throw error;
    command.error(`fundledger: ${error.message}`, { exitCode: USAGE_EXIT_CODE });
  }
  if (options.format === 'xlsx') command.error('fundledger: --format xlsx is for report return only', { exitCode: USAGE_EXIT_CODE });
  return withSession(command, async ({ app }) => {
    const reader = new LogLedgerReader(app.get<EventStore>(EVENT_STORE));
    const { report, snapshot } = await readYearEnd(reader, financialYear, point, { awardId: options.award });
    const answeredAt = answeredAtOf(snapshot, { ...point, asOf: report.asOf });
    if (options.format === 'json') print(JSON.stringify({ answeredAt, ...report }, null, 2));
    else if (options.format === 'csv') process.stdout.write(yearEndToCsv(report));
    else {
      print(answeredAtLine(answeredAt));
      print();
      print(yearEndToTable(report).trimEnd());
    }
  });
};
