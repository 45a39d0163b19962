import type { JsonObject } from '@fundledger/event-store';
import type { Actor, AwardRecord, RecordedAt, ReturnRecord } from '../award-record/award-record';
import { hashFigures } from '../award-record/pinned-figures';
import { homeOfficeReturn, type HomeOfficeReturn } from './home-office-return.report';

/** The wire form is the report itself: every figure in it is already a string, a number or null. */
export const homeOfficeReturnToJson = (report: HomeOfficeReturn): JsonObject =>
  JSON.parse(JSON.stringify(report)) as JsonObject;

export interface ReturnVersion {
  readonly version: number;
  readonly submittedOn: string;
  readonly reason?: string;
  readonly figuresHash: string;
  readonly revision: string;
  readonly recordedAt: string;
  readonly submittedBy: Actor | null;
}

/** A quarter's return as answered to GET …/returns/:financialYear/:quarter. */
export interface ReturnReading {
  /** 'draft': nothing submitted (or the live figures were asked for); the figures are computed now. */
  readonly status: 'submitted' | 'draft';
  readonly version: number | null;
  readonly submittedOn: string | null;
  /** The authenticated subject who submitted it (the import's --actor for scripts); null for a draft. */
  readonly submittedBy: Actor | null;
  /** Where the submission is recorded; null for a draft. */
  readonly recorded: RecordedAt | null;
  readonly reason: string | null;
  readonly figuresHash: string;
  /** Whether submitted figures still hash to the hash recorded with them (always true for a draft). */
  readonly figuresHashVerified: boolean;
  /** Every submission of the quarter, oldest first. */
  readonly versions: readonly ReturnVersion[];
  readonly report: HomeOfficeReturn;
}

const versionOf = (r: ReturnRecord): ReturnVersion => ({
  version: r.data.version,
  submittedOn: r.data.submittedOn,
  ...(r.data.reason === undefined ? {} : { reason: r.data.reason }),
  figuresHash: r.data.figuresHash,
  revision: r.revision,
  recordedAt: r.recordedAt,
  submittedBy: r.submittedBy,
});

/**
 * A quarter's return: the requested submitted version, else the latest submission, else the draft
 * computed from the ledger as folded. Undefined when a version is asked for that was never submitted.
 */
export const readReturn = (
  record: AwardRecord,
  financialYear: string,
  quarter: 1 | 2 | 3 | 4,
  options: { readonly version?: number; readonly draft?: boolean } = {},
): ReturnReading | undefined => {
  const submissions = record.returns.filter((r) => r.data.financialYear === financialYear && r.data.quarter === quarter);
  const versions = submissions.map(versionOf);
  const chosen =
    options.version !== undefined
      ? submissions.find((r) => r.data.version === options.version)
      : options.draft
        ? undefined
        : submissions[submissions.length - 1];
  if (options.version !== undefined && chosen === undefined) return undefined;
  if (chosen === undefined) {
    const report = homeOfficeReturn(record.view, financialYear, quarter, record.matchReceipts);
    const figuresHash = hashFigures(homeOfficeReturnToJson(report));
    return {
      status: 'draft',
      version: null,
      submittedOn: null,
      submittedBy: null,
      recorded: null,
      reason: null,
      figuresHash,
      figuresHashVerified: true,
      versions,
      report,
    };
  }
  const figures = chosen.data.figures as JsonObject;
  return {
    status: 'submitted',
    version: chosen.data.version,
    submittedOn: chosen.data.submittedOn,
    submittedBy: chosen.submittedBy,
    recorded: { revision: chosen.revision, position: chosen.position, recordedAt: chosen.recordedAt },
    reason: chosen.data.reason ?? null,
    figuresHash: chosen.data.figuresHash,
    figuresHashVerified: hashFigures(figures) === chosen.data.figuresHash,
    versions,
    // Submitted figures are a HomeOfficeReturn as JSON, exactly as the reporting computed them.
    report: figures as unknown as HomeOfficeReturn,
  };
};
