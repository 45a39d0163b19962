import type { Programme } from '@fundledger/funding';
import type { ContributionEntry } from '../contributor-statement/contributor-statement.report';
import type { ProgrammeAwardEntry } from '../programme-totals/programme-totals.report';
import type { LedgerProjection } from './ledger-projection';
import {
  contributionEntryOfRow,
  contributorStatementsProjection,
  PROGRAMME_AWARD_KEY,
  PROGRAMME_HEADER_KEY,
  programmeOfHeader,
  programmeTotalsProjection,
  type ContributionEntryRow,
  type ProgrammeHeaderRow,
} from './projections';
import type { RowParties } from './projections/report-projection';
import type { ReadModelStore, StoredReportRow } from './read-model.store';

/** Injection token for the current report rows: `@Inject(REPORT_ROWS) rows: ReportRowsReader`. */
export const REPORT_ROWS = Symbol('REPORT_ROWS');

/** A stored row's value with the parties of the award it is about, for organisation scope. */
export interface Scoped<Value> {
  readonly key: string;
  readonly value: Value;
  readonly parties: RowParties;
}

export interface ProgrammeRows {
  readonly programme: Omit<Programme, 'status'>;
  /** In the order the awards were made. */
  readonly awards: ReadonlyArray<Scoped<ProgrammeAwardEntry>>;
}

const scoped = <Value>(row: StoredReportRow): Scoped<Value> => ({
  key: row.key,
  value: JSON.parse(row.json) as Value,
  parties: { funderId: row.funderId ?? '', recipientId: row.recipientId ?? '' },
});

/**
 * The report rows at one position: what "now" answers read, each an indexed lookup and a JSON parse,
 * never a fold or a reconciliation. Read synchronously, before the next await, so that every row read
 * is of the position stated.
 */
export class ReportRows {
  constructor(
    private readonly store: ReadModelStore,
    readonly position: string,
    readonly recordedAt?: string,
  ) {}

  /** The row a per-award projection keeps for one award; undefined when the award was never made. */
  award<Value>(projection: string, awardId: string): Scoped<Value> | undefined {
    const row = this.store.reportRow(projection, awardId);
    return row === undefined ? undefined : scoped<Value>(row);
  }

  /** Every award's row of a per-award projection, in the order the awards were made. */
  awards<Value>(projection: string): Array<Scoped<Value>> {
    return this.store.reportRows(projection).map((row) => scoped<Value>(row));
  }

  /** A programme and its awards' lines; undefined when it was never opened. */
  programme(programmeId: string): ProgrammeRows | undefined {
    let header: ProgrammeHeaderRow | undefined;
    const awards: Array<Scoped<ProgrammeAwardEntry>> = [];
    for (const row of this.store.reportRows(programmeTotalsProjection.name, programmeId)) {
      if (row.key.startsWith(PROGRAMME_HEADER_KEY)) header = JSON.parse(row.json) as ProgrammeHeaderRow;
      else if (row.key.startsWith(PROGRAMME_AWARD_KEY)) awards.push(scoped<ProgrammeAwardEntry>(row));
    }
    return header === undefined ? undefined : { programme: programmeOfHeader(header), awards };
  }

  /** Every contribution one organisation pledged, in the order the awards were made. */
  contributions(organisationId: string): Array<Scoped<ContributionEntry>> {
    return this.store.reportRows(contributorStatementsProjection.name, organisationId).map((row) => {
      const { value, parties } = scoped<ContributionEntryRow>(row);
      return { key: row.key, value: contributionEntryOfRow(value), parties };
    });
  }
}

export interface ReportRowsReader {
  /** The rows as of the projection's last commit, optionally waiting (bounded) until it has reached minPosition. */
  current(options?: { minPosition?: bigint }): Promise<ReportRows>;
}

/** The service's rows: those the projection keeps as events arrive. */
export class ProjectedReportRows implements ReportRowsReader {
  constructor(
    private readonly projection: LedgerProjection,
    private readonly waitTimeoutMs: number,
  ) {}

  async current(options: { minPosition?: bigint } = {}): Promise<ReportRows> {
    if (options.minPosition !== undefined) await this.projection.waitFor(options.minPosition, this.waitTimeoutMs);
    const { rows, position, recordedAt } = this.projection.rows();
    return new ReportRows(rows, position.toString(), recordedAt);
  }
}
