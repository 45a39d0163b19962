import { LEDGER_READER, type LedgerReader, type LedgerSnapshot } from '@fundledger/projections';
import { Inject, Injectable } from '@nestjs/common';
import { RequestRefused } from '../errors/request-refused.error';
import type { LedgerQueryDto } from './ledger-query.dto';

/** The part of the HTTP response a query sets besides its body (Express's response has both). */
export interface ReplyHeaders {
  setHeader(name: string, value: string): unknown;
}

/** Where an answer was read: every answer says so, in its body and its headers. */
export interface AnsweredAt {
  /** The last event folded in; '-1' before the first. */
  readonly position: string;
  /** When the store recorded that event. */
  readonly recordedAt?: string;
  /** The `asAt` asked for, when the answer is as at a time. */
  readonly asAt?: string;
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
  constructor(@Inject(LEDGER_READER) private readonly reader: LedgerReader) {}

  async read(query: LedgerQueryDto): Promise<LedgerAnswer> {
    const { asAt, position, minPosition } = query;
    if (asAt !== undefined && position !== undefined) {
      throw new RequestRefused(400, 'INVALID_REQUEST', 'give asAt or position, not both');
    }
    if (minPosition !== undefined && (asAt !== undefined || position !== undefined)) {
      throw new RequestRefused(400, 'INVALID_REQUEST', 'minPosition applies to the current ledger; it cannot be given with asAt or position');
    }
    if (position !== undefined) {
      const snapshot = await this.reader.asAt({ position: BigInt(position) });
      return { snapshot, answeredAt: answeredAt(snapshot), when: ` as at position ${position}` };
    }
    if (asAt !== undefined) {
      const snapshot = await this.reader.asAt({ time: asAt });
      return { snapshot, answeredAt: { ...answeredAt(snapshot), asAt }, when: ` as at ${asAt}` };
    }
    const snapshot = await this.reader.current(minPosition === undefined ? {} : { minPosition: BigInt(minPosition) });
    return { snapshot, answeredAt: answeredAt(snapshot), when: '' };
  }

  /** The report as JSON (with `answeredAt`) or CSV; the position travels in headers either way. */
  render<Report extends object>(
    reply: ReplyHeaders,
    request: { readonly accept?: string; readonly query: LedgerQueryDto },
    answer: LedgerAnswer,
    report: Report,
    toCsv: (report: Report) => string,
  ): (Report & { answeredAt: AnsweredAt }) | string {
    reply.setHeader('X-Ledger-Position', answer.answeredAt.position);
    if (answer.answeredAt.recordedAt !== undefined) reply.setHeader('X-Ledger-Recorded-At', answer.answeredAt.recordedAt);
    if (wantsCsv(request.query, request.accept)) {
      reply.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return toCsv(report);
    }
    return { answeredAt: answer.answeredAt, ...report };
  }
}

const answeredAt = (snapshot: LedgerSnapshot): AnsweredAt => ({
  position: snapshot.position,
  ...(snapshot.recordedAt === undefined ? {} : { recordedAt: snapshot.recordedAt }),
});

/** `?format=` wins over the Accept header; CSV only when asked for, JSON otherwise. */
const wantsCsv = (query: LedgerQueryDto, accept: string | undefined): boolean =>
  query.format === undefined ? /\btext\/csv\b/i.test(accept ?? '') : query.format === 'csv';
