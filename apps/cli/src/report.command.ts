import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import {
  answeredAtLine,
  answeredAtOf,
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
  describeReadPoint,
  type AwardView,
  type LedgerSnapshot,
  type ReadPointInput,
} from '@fundledger/projections';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { readLedger, readPointOf, withReadPointOptions } from './read-point.options';
import { reportReturnAction } from './report-return';
import { reportLineageAction } from './report-lineage';
import { reportYearEndAction } from './report-year-end';

/** A usage mistake (a missing --award, an unknown kind) exits 2; a report that cannot be made exits 1. */
const USAGE_EXIT_CODE = 2;

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions extends ReadPointInput {
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
  // `report year-end` only (report-year-end.ts)
  readonly financialYear?: string;
  // `report lineage` only (report-lineage.ts)
  readonly figure?: string;
}

const RETURN_KIND = 'return (the Home Office return of an award for a quarter: --award, --year, --quarter; json, csv or xlsx)';
const LINEAGE_KIND = 'lineage (the events that make up one figure of an award position: --award, --figure)';
const YEAR_END_KIND =
  'year-end (each award\'s figures for the statement of accounts as of 31 March: --financial-year, optionally --award)';

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

export const reportCommand = (): Command =>
  withReadPointOptions(new Command('report'))
    .description('print a report, computed by folding the log (the service need not be running)')
    .argument('<kind>', `one of: ${[...Object.entries(KINDS).map(([kind, { description }]) => `${kind} (${description})`), RETURN_KIND, YEAR_END_KIND, LINEAGE_KIND].join('; ')}`)
    .option('--award <id>', 'the award, for position, funded-months, decisions and return (and year-end, to pick one)')
    .option('--financial-year <YYYY-YY>', 'the UK financial year, for year-end')
    .option('--figure <name>', 'the figure of the position, for lineage (e.g. available-funding, paid, committed)')
    .option('--programme <id>', 'the programme, for programme')
    .option('--organisation <id>', 'the contributing organisation, for contributor')
    .option('--year <YYYY-YY>', 'the UK financial year, for return')
    .option('--quarter <n>', 'the quarter of that year, 1 (Apr-Jun) to 4 (Jan-Mar), for return')
    .option('--version <n>', 'a submitted version of the return (default: the latest)')
    .option('--draft', "the return's live figures, even when the quarter has been submitted")
    .option('--output <file>', 'write the return to this file (needed for xlsx and pdf)')
    .addOption(
      new Option('--format <format>', 'output format (xlsx, pdf: return only)').choices([...REPORT_FORMATS, 'xlsx', 'pdf']).default('table'),
    )
    .action((kindName: string, options: ReportOptions, command: Command) => {
      const point = readPointOf(command, options);
      if (kindName === 'return') return reportReturnAction(command, options, point);
      if (kindName === 'year-end') return reportYearEndAction(command, options, point);
      if (kindName === 'lineage') return reportLineageAction(command, options, point);
      if (options.format === 'xlsx' || options.format === 'pdf') {
        command.error(`fundledger: --format ${options.format} is for report return only`, { exitCode: USAGE_EXIT_CODE });
      }
      const kind = KINDS[kindName];
      if (kind === undefined) {
        command.error(`fundledger: report: unknown kind '${kindName}'; expected one of ${[...Object.keys(KINDS), 'return', 'year-end', 'lineage'].join(', ')}`, {
          exitCode: USAGE_EXIT_CODE,
        });
      }
      const id = options[kind.needs];
      if (id === undefined) command.error(`fundledger: report ${kindName} needs --${kind.needs} <id>`, { exitCode: USAGE_EXIT_CODE });
      return withSession(command, async ({ app }) => {
        const snapshot = await readLedger(app.get<EventStore>(EVENT_STORE), point);
        const rendered = kind.make(snapshot, id, describeReadPoint(point));
        const answeredAt = answeredAtOf(snapshot, point);
        if (options.format === 'json') print(JSON.stringify({ answeredAt, ...rendered.json }, null, 2));
        else if (options.format === 'csv') process.stdout.write(endLine(rendered.csv()));
        else {
          print(answeredAtLine(answeredAt));
          print();
          print(rendered.table().trimEnd());
        }
      });
    });
