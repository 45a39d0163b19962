import type { RecordedEvent } from '@fundledger/event-store';
import { awardIdOfStream, programmeIdOfStream } from '@fundledger/funding';
import { evolveAwardView, evolveProgrammeView, type AwardView, type LedgerView, type ProgrammeView } from '../ledger';
import { awardRow, programmeRow } from './ledger-rows';
import type { ReportProjection, ReportRow } from './projections/report-projection';
import type { EncodedReportRow, SourceRows, ViewRow } from './read-model.store';

/** What one batch of events changed: the views and report rows to write with its checkpoint. */
export interface BatchRows {
  readonly views: ViewRow[];
  readonly reports: SourceRows[];
}

interface Touched {
  readonly kind: 'award' | 'programme';
  readonly id: string;
  /** The event types of this source in the batch: a projection that handles none of them is left alone. */
  readonly types: Set<string>;
}

const encode = (row: ReportRow): EncodedReportRow => ({
  key: row.key,
  partition: row.partition,
  ordinal: row.ordinal,
  ...(row.parties === undefined ? {} : { funderId: row.parties.funderId, recipientId: row.parties.recipientId }),
  json: JSON.stringify(row.value),
});

/**
 * One batch of the log folded onto the ledger's views (the fold every projection shares): the live
 * projection and the rebuild both run it, so the rows written as events arrive and the rows a rebuild
 * writes are computed by the same code. Each touched award or programme is folded once per event but
 * its rows are computed once per batch, from its view after the batch.
 */
export class LedgerBatch {
  private readonly awards: Map<string, AwardView>;
  private readonly programmes: Map<string, ProgrammeView>;
  private readonly touched = new Map<string, Touched>();
  private lastApplied: RecordedEvent | undefined;

  /** `from` is copied, so a batch that is never committed leaves the views it started from unchanged. */
  constructor(
    from: LedgerView,
    private readonly projections: readonly ReportProjection[],
  ) {
    this.awards = new Map(from.awards);
    this.programmes = new Map(from.programmes);
  }

  /** The last event applied; undefined while none has been. */
  get last(): RecordedEvent | undefined {
    return this.lastApplied;
  }

  /** Awards and programmes the batch touched. */
  get size(): number {
    return this.touched.size;
  }

  /** Folds one event. Throws when its stream is inconsistent (the event is then not applied). */
  apply(event: RecordedEvent): void {
    const awardId = awardIdOfStream(event.stream);
    if (awardId !== undefined) {
      this.awards.set(awardId, evolveAwardView(this.awards.get(awardId), event));
      this.touch('award', awardId, event.type);
    } else {
      const programmeId = programmeIdOfStream(event.stream);
      if (programmeId !== undefined) {
        this.programmes.set(programmeId, evolveProgrammeView(this.programmes.get(programmeId), event));
        this.touch('programme', programmeId, event.type);
      }
      // Events of other streams change no view; the checkpoint still moves past them.
    }
    this.lastApplied = event;
  }

  view(): LedgerView {
    return { awards: this.awards, programmes: this.programmes };
  }

  /** The rows the batch changed: each touched source's view, and its rows in every projection that handles one of its events. */
  rows(): BatchRows {
    return this.rowsOf([...this.touched.values()]);
  }

  /**
   * The same rows, `sources` touched sources at a time: a long catch-up writes them in several
   * transactions without holding every source's encoded rows at once.
   */
  *chunks(sources: number): Generator<BatchRows> {
    const touched = [...this.touched.values()];
    for (let at = 0; at < touched.length; at += sources) yield this.rowsOf(touched.slice(at, at + sources));
  }

  private rowsOf(touched: readonly Touched[]): BatchRows {
    const views: ViewRow[] = [];
    const reports: SourceRows[] = [];
    for (const { kind, id, types } of touched) {
      const award = kind === 'award' ? (this.awards.get(id) as AwardView) : undefined;
      const programme = kind === 'programme' ? (this.programmes.get(id) as ProgrammeView) : undefined;
      views.push(award !== undefined ? awardRow(award) : programmeRow(programme as ProgrammeView));
      const position = BigInt((award ?? (programme as ProgrammeView)).lastPosition);
      for (const projection of this.projections) {
        if (![...types].some((type) => projection.handles.has(type))) continue;
        const rows = award !== undefined ? projection.rowsOfAward?.(award) : projection.rowsOfProgramme?.(programme as ProgrammeView);
        if (rows === undefined) continue;
        reports.push({ projection: projection.name, source: `${kind}/${id}`, position, rows: rows.map(encode) });
      }
    }
    return { views, reports };
  }

  private touch(kind: Touched['kind'], id: string, type: string): void {
    const key = `${kind}/${id}`;
    const touched = this.touched.get(key);
    if (touched === undefined) this.touched.set(key, { kind, id, types: new Set([type]) });
    else touched.types.add(type);
  }
}
