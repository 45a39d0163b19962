import {
  answeredAtOf,
  describeReadPoint,
  isCurrent,
  LEDGER_READER,
  parseReadPoint,
  readYearEnd,
  REPORT_ROWS,
  type LedgerReader,
  type LedgerSnapshot,
  type ReportRows,
  type ReportRowsReader,
  type ReadScope,
  type AnsweredAt,
  type YearEndReport,
} from '@fundledger/projections';
import { Inject, Injectable } from '@nestjs/common';
import { RequestRefused } from '../errors/request-refused.error';
import type { LedgerQueryDto } from './ledger-query.dto';

export type { AnsweredAt };

/** The part of the HTTP response a query sets besides its body (Express's response has both). */
export interface ReplyHeaders {
  setHeader(name: string, value: string): unknown;
}

export interface LedgerAnswer {
  readonly snapshot: LedgerSnapshot;
  readonly answeredAt: AnsweredAt;
  /** For a 404 message: "as at position 42", or "" for the current ledger. */
  readonly when: string;
}

/**
 * The one way every query reads the ledger and says which ledger it read: the current read model,
 * or the log folded as at a position or a time. Renders JSON or CSV as the client asked.
 */
@Injectable()
export class LedgerAnswers {
  constructor(
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
    @Inject(REPORT_ROWS) private readonly rows: ReportRowsReader,
  ) {}

  /** `scope`: the answer is about one award, so an as-at read folds only its streams. */
  async read(query: LedgerQueryDto, scope?: ReadScope): Promise<LedgerAnswer> {
    const point = this.pointOf(query);
    const snapshot = isCurrent(point) ? await this.reader.current(this.minPositionOf(query)) : await this.reader.at(point, scope);
    return { snapshot, answeredAt: answeredAtOf(snapshot, point), when: describeReadPoint(point) };
  }

  /**
   * A report as the query asks for it: now, from the projections' stored rows (no fold, no
   * reconciliation); as at or as of another point, computed from the log folded there (only the
   * scoped award's streams when one is named). Either way undefined means "none to show".
   */
  async report<Report>(
    query: LedgerQueryDto,
    scope: ReadScope | undefined,
    fromRows: (rows: ReportRows) => Report | undefined,
    fromSnapshot: (snapshot: LedgerSnapshot) => Report | undefined,
  ): Promise<{ report: Report | undefined; answeredAt: AnsweredAt; when: string }> {
    const point = this.pointOf(query);
    const when = describeReadPoint(point);
    if (isCurrent(point)) {
      const rows = await this.rows.current(this.minPositionOf(query));
      return { report: fromRows(rows), answeredAt: answeredAtOf(rows, point), when };
    }
    const snapshot = await this.reader.at(point, scope);
    return { report: fromSnapshot(snapshot), answeredAt: answeredAtOf(snapshot, point), when };
  }

  private pointOf(query: LedgerQueryDto) {
    const point = parseReadPoint(query, this.reader.today());
    if (query.minPosition !== undefined && !isCurrent(point)) {
      throw new RequestRefused(400, 'INVALID_REQUEST', 'minPosition applies to the current ledger; it cannot be given with asOf, knownAt, asAt or position');
    }
    return point;
  }

  private minPositionOf(query: LedgerQueryDto): { minPosition?: bigint } {
    return query.minPosition === undefined ? {} : { minPosition: BigInt(query.minPosition) };
  }

  /** The year-end figures of a financial year (as of its 31 March, as known at the point asked for). */
  async readYearEnd(
    financialYear: string,
    query: LedgerQueryDto,
    options: Parameters<typeof readYearEnd>[3],
  ): Promise<LedgerAnswer & { report: YearEndReport }> {
    const point = parseReadPoint(query, this.reader.today());
    const { report, snapshot } = await readYearEnd(this.reader, financialYear, point, options);
    const at = { ...point, asOf: report.asOf };
    return { snapshot, report, answeredAt: answeredAtOf(snapshot, at), when: describeReadPoint(at) };
  }

  /** The report as JSON (with `answeredAt`) or CSV; the position travels in headers either way. */
  render<Report extends object>(
    reply: ReplyHeaders,
    request: { readonly accept?: string; readonly query: LedgerQueryDto },
    answer: Pick<LedgerAnswer, 'answeredAt'>,
    report: Report,
    toCsv: (report: Report) => string,
  ): (Report & { answeredAt: AnsweredAt }) | string {
    setAnsweredAtHeaders(reply, answer.answeredAt);
    if (wantsCsv(request.query, request.accept)) {
      reply.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return toCsv(report);
    }
    return { answeredAt: answer.answeredAt, ...report };
  }
}

/** Both axes travel in headers too, so a CSV or PDF download still says where it was read. */
export const setAnsweredAtHeaders = (reply: ReplyHeaders, at: AnsweredAt): void => {
  reply.setHeader('X-Ledger-Position', at.position);
  if (at.recordedAt !== undefined) reply.setHeader('X-Ledger-Recorded-At', at.recordedAt);
  if (at.asOf !== null) reply.setHeader('X-Ledger-As-Of', at.asOf);
  if (at.knownAt !== null) reply.setHeader('X-Ledger-Known-At', at.knownAt);
};

/** `?format=` wins over the Accept header; CSV only when asked for, JSON otherwise. */
const wantsCsv = (query: LedgerQueryDto, accept: string | undefined): boolean =>
  query.format === undefined ? /\btext\/csv\b/i.test(accept ?? '') : query.format === 'csv';
