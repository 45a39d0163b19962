import { writeFileSync } from 'node:fs';
import { LogAuditor } from '@fundledger/audit';
import { InvalidCalendarValueError, parseFinancialYear } from '@fundledger/calendar';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { answeredAtOf, type ReadPoint } from '@fundledger/projections';
import { readAwardRecord, readReturn, renderReturn, returnPosition, returnToJson } from '@fundledger/reporting';
import type { Command } from 'commander';
import { withSession } from './cli.session';

/** `report return`'s options; `--format table` (the default of `report`) means JSON here. */
export interface ReturnReportOptions {
  readonly award?: string;
  readonly year?: string;
  readonly quarter?: string;
  readonly format: string;
  readonly output?: string;
  readonly version?: string;
  readonly draft?: boolean;
}

const USAGE_EXIT_CODE = 2;

/** Why `report return`'s options cannot work, before anything is opened; undefined when they can. */
const usageProblem = (options: ReturnReportOptions): string | undefined => {
  if (options.award === undefined) return 'report return needs --award <id>';
  if (options.year === undefined) return 'report return needs --year <YYYY-YY>, e.g. --year 2023-24';
  try {
    parseFinancialYear(options.year, '--year');
  } catch (error) {
    if (error instanceof InvalidCalendarValueError) return error.message;
    throw error;
  }
  if (!['1', '2', '3', '4'].includes(options.quarter ?? '')) return `--quarter must be 1, 2, 3 or 4; got '${options.quarter ?? ''}'`;
  if ((options.format === 'xlsx' || options.format === 'pdf') && options.output === undefined) {
    return `report return --format ${options.format} needs --output <file>`;
  }
  if (options.version !== undefined && !/^[1-9][0-9]{0,5}$/.test(options.version)) {
    return `--version must be a version number like 1; got '${options.version}'`;
  }
  if (options.version !== undefined && options.draft === true) return 'give --version or --draft, not both';
  return undefined;
};

/**
 * `report return`: the Home Office return of an award's quarter, folded from the award's stream — the
 * latest submission, a given --version, or the live figures (nothing submitted, or --draft) — as
 * JSON (what the API answers), CSV, xlsx or PDF, on stdout or in --output.
 */
export const reportReturnAction = (command: Command, options: ReturnReportOptions, point: ReadPoint): Promise<void> => {
  const problem = usageProblem(options);
  if (problem !== undefined) command.error(`fundledger: ${problem}`, { exitCode: USAGE_EXIT_CODE });
  const [awardId, year] = [options.award!, options.year!];
  const quarter = Number(options.quarter) as 1 | 2 | 3 | 4;
  return withSession(command, async ({ app }) => {
    const { record, when } = await readAwardRecord(app.get<EventStore>(EVENT_STORE), awardId, point);
    const last = record.events[record.events.length - 1];
    const answeredAt = answeredAtOf({ position: last.position.toString(), recordedAt: last.recordedAt }, point);
    const version = options.version === undefined ? undefined : Number(options.version);
    const reading = readReturn(record, year, quarter, { version, draft: options.draft === true });
    if (reading === undefined) throw new Error(`Q${quarter} ${year} of award ${awardId} has no submitted version ${version}${when}`);
    const checkpoint = (await app.get(LogAuditor).keptCheckpointAt(returnPosition(record, reading, year, quarter))) ?? null;
    const format = options.format === 'xlsx' || options.format === 'csv' || options.format === 'pdf' ? options.format : 'json';
    const output =
      format === 'json'
        ? `${JSON.stringify({ answeredAt, ...returnToJson(reading, record, checkpoint) }, null, 2)}\n`
        : await renderReturn(reading, record, format, checkpoint);
    if (options.output === undefined) {
      process.stdout.write(output);
      return;
    }
    writeFileSync(options.output, output);
    const which = reading.version === null ? 'live draft' : `version ${reading.version}`;
    process.stderr.write(`fundledger: Q${quarter} ${year} return (${which}) written to ${options.output}\n`);
  });
};
