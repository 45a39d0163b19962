import type { JsonObject } from '@fundledger/event-store';
import {
  awardViewFromJson,
  awardViewToJson,
  programmeViewFromJson,
  programmeViewToJson,
  type AwardView,
  type LedgerView,
  type ProgrammeView,
} from '../ledger';
import { madeAt } from './projections/report-projection';
import type { ViewRow } from './read-model.store';

/** The persisted form of the ledger views: one row per award and per programme, JSON by the codec. */
export const AWARD_ROW = 'award';
export const PROGRAMME_ROW = 'programme';

export const awardRow = (view: AwardView): ViewRow => ({
  kind: AWARD_ROW,
  id: view.award.awardId,
  json: JSON.stringify(awardViewToJson(view)),
  position: BigInt(view.lastPosition),
});

export const programmeRow = (view: ProgrammeView): ViewRow => ({
  kind: PROGRAMME_ROW,
  id: view.programme.programmeId,
  json: JSON.stringify(programmeViewToJson(view)),
  position: BigInt(view.lastPosition),
});

/**
 * The persisted rows read back into a view. The maps are filled in the order a fold of the log fills
 * them (awards as they were made), not in row order, because reports list awards in that order and a
 * restarted service must answer exactly as a fold would. Throws when a row cannot be decoded.
 */
export const ledgerViewOfRows = (rows: readonly ViewRow[]): LedgerView => {
  const awards: AwardView[] = [];
  const programmes: ProgrammeView[] = [];
  for (const row of rows) {
    const json = JSON.parse(row.json) as JsonObject;
    if (row.kind === AWARD_ROW) awards.push(awardViewFromJson(json));
    else if (row.kind === PROGRAMME_ROW) programmes.push(programmeViewFromJson(json));
  }
  const byPosition = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
  awards.sort((a, b) => byPosition(madeAt(a), madeAt(b)));
  // A programme stream holds only ProgrammeOpened, so its last position is where it began.
  programmes.sort((a, b) => byPosition(BigInt(a.lastPosition), BigInt(b.lastPosition)));
  return {
    awards: new Map(awards.map((view) => [view.award.awardId, view])),
    programmes: new Map(programmes.map((view) => [view.programme.programmeId, view])),
  };
};
