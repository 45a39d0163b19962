import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import {
  LogLedgerReader,
  awardPositionReport,
  awardPositionToCsv,
  awardPositionToTable,
  contributorStatement,
  contributorStatementToCsv,
  contributorStatementToTable,
  decisionChecksReport,
  decisionChecksToCsv,
  decisionChecksToTable,
  fundedMonthsFor,
  fundedMonthsReportToCsv,
  fundedMonthsReportToJson,
  fundedMonthsReportToTable,
  programmeTotalsReport,
  programmeTotalsToCsv,
  programmeTotalsToTable,
  type AwardView,
  type LedgerSnapshot,
} from '@fundledger/projections';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { reportReturnAction } from './report-return';

/** A usage mistake (a missing --award, an unknown kind) exits 2; a report that cannot be made exits 1. */
const USAGE_EXIT_CODE = 2;

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where in the log to read: `--as-at <time>` or `--position <n>`, else the head. */
export interface AsAtOptions {
  readonly asAt?: string;
  readonly position?: string;
}

interface ReportOptions extends AsAtOptions {
  readonly award?: string;
  readonly programme?: string;
  readonly organisation?: string;
  readonly format: ReportFormat | 'xlsx' | 'pdf';
  // `report return` only (report-return.ts)
  readonly year?: string;
  readonly quarter?: string;
  readonly output?: string;
  readonly version?: string;
  readonly draft?: boolean;
}

const RETURN_KIND = 'return (the Home Office return of an award for a quarter: --award, --year, --quarter; json, csv or xlsx)';

/** One report in its three formats; `json` is what the HTTP API answers. */
interface Rendered {
  readonly json: object;
  readonly csv: () => string;
  readonly table: () => string;
}

interface ReportKind {
  readonly description: string;
  readonly needs: 'award' | 'programme' | 'organisation';
  readonly make: (snapshot: LedgerSnapshot, id: string, when: string) => Rendered;
}

const awardOf = (snapshot: LedgerSnapshot, awardId: string, when: string): AwardView => {
  const view = snapshot.award(awardId);
  if (view === undefined) throw new Error(`award ${awardId} has not been made${when}`);
  return view;
};

const KINDS: Readonly<Record<string, ReportKind>> = {
  position: {
    description: "an award's position (amount history, match funding, grants, payments, headroom)",
    needs: 'award',
    make: (snapshot, id, when) => {
      const report = awardPositionReport(awardOf(snapshot, id, when));
      return { json: report, csv: () => awardPositionToCsv(report), table: () => awardPositionToTable(report) };
    },
  },
  'funded-months': {
    description: "an award's funded-months reconciliation (DESIGN §5)",
    needs: 'award',
    make: (snapshot, id, when) => {
      const report = fundedMonthsFor(awardOf(snapshot, id, when));
      return { json: fundedMonthsReportToJson(report), csv: () => fundedMonthsReportToCsv(report), table: () => fundedMonthsReportToTable(report) };
    },
  },
  decisions: {
    description: "an award's decisions checked against the ledger",
    needs: 'award',
    make: (snapshot, id, when) => {
      const report = decisionChecksReport(awardOf(snapshot, id, when));
      return { json: report, csv: () => decisionChecksToCsv(report), table: () => decisionChecksToTable(report) };
    },
  },
  programme: {
    description: "a programme's awards against its envelope",
    needs: 'programme',
    make: (snapshot, id, when) => {
      if (snapshot.programme(id) === undefined) throw new Error(`programme ${id} has not been opened${when}`);
      const report = programmeTotalsReport(snapshot.ledger(), id);
      return { json: report, csv: () => programmeTotalsToCsv(report), table: () => programmeTotalsToTable(report) };
    },
  },
  contributor: {
    description: "a match-funding contributor's statement across every award",
    needs: 'organisation',
    make: (snapshot, id, when) => {
      const report = contributorStatement(snapshot.ledger(), id);
      if (report.contributions.length === 0) throw new Error(`organisation ${id} has pledged no match funding${when}`);
      return { json: report, csv: () => contributorStatementToCsv(report), table: () => contributorStatementToTable(report) };
    },
  },
};

const endLine = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

const POSITION = /^(0|[1-9][0-9]{0,18})$/;

/** The ledger folded from the log at the point asked for: the CLI never needs the service nor its read model. */
export const readLedger = async (store: EventStore, options: AsAtOptions): Promise<{ snapshot: LedgerSnapshot; when: string }> => {
  const reader = new LogLedgerReader(store);
  if (options.position !== undefined) {
    return { snapshot: await reader.asAt({ position: BigInt(options.position) }), when: ` as at position ${options.position}` };
  }
  if (options.asAt !== undefined) return { snapshot: await reader.asAt({ time: options.asAt }), when: ` as at ${options.asAt}` };
  return { snapshot: await reader.current(), when: '' };
};

/** Refuses --as-at with --position, and a position that is not one, before anything is opened. */
export const checkAsAtOptions = (command: Command, options: AsAtOptions): void => {
  if (options.asAt !== undefined && options.position !== undefined) {
    command.error('fundledger: give --as-at or --position, not both', { exitCode: USAGE_EXIT_CODE });
  }
  if (options.position !== undefined && !POSITION.test(options.position)) {
    command.error(`fundledger: --position must be a log position, a whole number like 42; got '${options.position}'`, {
      exitCode: USAGE_EXIT_CODE,
    });
  }
};

/** Where the figures were read, for the line above a table: the same facts the API's `answeredAt` gives. */
export const answeredAt = (snapshot: LedgerSnapshot, asAt?: string) => ({
  position: snapshot.position,
  ...(snapshot.recordedAt === undefined ? {} : { recordedAt: snapshot.recordedAt }),
  ...(asAt === undefined ? {} : { asAt }),
});

export const answeredAtLine = (snapshot: LedgerSnapshot): string =>
  snapshot.position === '-1'
    ? 'Ledger as at position -1 (before the first event)'
    : `Ledger as at position ${snapshot.position}, recorded ${snapshot.recordedAt ?? '(unknown)'}`;

export const reportCommand = (): Command =>
  new Command('report')
    .description('print a report, computed by folding the log (the service need not be running)')
    .argument('<kind>', `one of: ${[...Object.entries(KINDS).map(([kind, { description }]) => `${kind} (${description})`), RETURN_KIND].join('; ')}`)
    .option('--award <id>', 'the award, for position, funded-months, decisions and return')
    .option('--programme <id>', 'the programme, for programme')
    .option('--organisation <id>', 'the contributing organisation, for contributor')
    .option('--as-at <time>', 'as the ledger stood at this instant (ISO-8601 with a time zone; a date is midnight UTC)')
    .option('--position <n>', 'as the ledger stood at this log position')
    .option('--year <YYYY-YY>', 'the UK financial year, for return')
    .option('--quarter <n>', 'the quarter of that year, 1 (Apr-Jun) to 4 (Jan-Mar), for return')
    .option('--version <n>', 'a submitted version of the return (default: the latest)')
    .option('--draft', "the return's live figures, even when the quarter has been submitted")
    .option('--output <file>', 'write the return to this file (needed for xlsx and pdf)')
    .addOption(
      new Option('--format <format>', 'output format (xlsx, pdf: return only)').choices([...REPORT_FORMATS, 'xlsx', 'pdf']).default('table'),
    )
    .action((kindName: string, options: ReportOptions, command: Command) => {
      if (kindName === 'return') {
        checkAsAtOptions(command, options);
        return reportReturnAction(command, options);
      }
      if (options.format === 'xlsx' || options.format === 'pdf') {
        command.error(`fundledger: --format ${options.format} is for report return only`, { exitCode: USAGE_EXIT_CODE });
      }
      const kind = KINDS[kindName];
      if (kind === undefined) {
        command.error(`fundledger: report: unknown kind '${kindName}'; expected one of ${[...Object.keys(KINDS), 'return'].join(', ')}`, {
          exitCode: USAGE_EXIT_CODE,
        });
      }
      const id = options[kind.needs];
      if (id === undefined) command.error(`fundledger: report ${kindName} needs --${kind.needs} <id>`, { exitCode: USAGE_EXIT_CODE });
      checkAsAtOptions(command, options);
      return withSession(command, async ({ app }) => {
        const { snapshot, when } = await readLedger(app.get<EventStore>(EVENT_STORE), options);
        const rendered = kind.make(snapshot, id, when);
        if (options.format === 'json') print(JSON.stringify({ answeredAt: answeredAt(snapshot, options.asAt), ...rendered.json }, null, 2));
        else if (options.format === 'csv') process.stdout.write(endLine(rendered.csv()));
        else {
          print(answeredAtLine(snapshot));
          print();
          print(rendered.table().trimEnd());
        }
      });
    });
