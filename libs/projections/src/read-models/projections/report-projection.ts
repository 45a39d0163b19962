import type { AwardView, ProgrammeView } from '../../ledger';

/** Who an award is between: what organisation scope filters a stored row by. */
export interface RowParties {
  readonly funderId: string;
  readonly recipientId: string;
}

/** One stored row of a report projection: a JSON value under a key, found by its partition. */
export interface ReportRow {
  /** Unique within the projection. */
  readonly key: string;
  /** What a read selects by: the award, the programme, the contributor. */
  readonly partition: string;
  /** Rows of a partition are read in this order: the position the award was made (or programme opened) at. */
  readonly ordinal: bigint;
  /** The award's parties, for a row about one award; organisation scope reads them without decoding the value. */
  readonly parties?: RowParties;
  readonly value: unknown;
}

/**
 * A read model shaped for one query, as Emmett and Marten shape projections: a name, the event types
 * that change it, and its rows computed from the ledger's shared fold (one award's or one programme's
 * view) after the events of a batch. A source's rows replace its earlier rows whole, so a row can
 * never outlive the figures it was computed from. The rows are computed by the same report builders
 * an as-at answer runs, so each rule has one copy.
 */
export interface ReportProjection {
  readonly name: string;
  /** Event types whose arrival changes this projection's rows; other events leave them untouched. */
  readonly handles: ReadonlySet<string>;
  /** Every row of this projection that one award owns, from its view. */
  readonly rowsOfAward?: (view: AwardView) => readonly ReportRow[];
  /** Every row of this projection that one programme owns, from its view. */
  readonly rowsOfProgramme?: (view: ProgrammeView) => readonly ReportRow[];
}

/** The position the award was made at: the first entry of its amount history is AwardMade. */
export const madeAt = (view: AwardView): bigint => BigInt(view.amountHistory[0]?.position ?? view.lastPosition);

export const partiesOf = (view: AwardView): RowParties => ({
  funderId: view.award.funder.id,
  recipientId: view.award.recipient.id,
});

/** The one row a per-award report keeps: keyed and partitioned by the award. */
export const awardReportRow = (view: AwardView, value: unknown): ReportRow => ({
  key: view.award.awardId,
  partition: view.award.awardId,
  ordinal: madeAt(view),
  parties: partiesOf(view),
  value,
});
