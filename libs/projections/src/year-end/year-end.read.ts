import { NotFound } from '@fundledger/funding';
import type { AwardView } from '../ledger/ledger-view';
import type { LedgerReader } from '../read-models/ledger-reader';
import type { LedgerSnapshot } from '../read-models/ledger-snapshot';
import { InvalidReadPointError } from '../read-models/read-model.errors';
import { describeReadPoint, type ReadPoint } from '../read-models/read-point';
import { financialYearDates, yearEndReport, type YearEndReport } from './year-end.report';

/**
 * The year-end report read from the log, for HTTP and the CLI: the ledger as of 31 March, and as of
 * the 31 March before (for what was received in the year), both as known at the point asked for.
 * A year that has not ended has no year-end figures yet. `visible` leaves out awards the caller may not
 * see; one asked for by id that is left out is answered as never made.
 */
export async function readYearEnd(
  reader: LedgerReader,
  financialYear: string,
  point: ReadPoint,
  options: { readonly awardId?: string; readonly visible?: (view: AwardView) => boolean } = {},
): Promise<{ readonly report: YearEndReport; readonly snapshot: LedgerSnapshot }> {
  if (point.asOf !== undefined) {
    throw new InvalidReadPointError(`a year-end report is as of 31 March of its year; give knownAt or position, not asOf`);
  }
  const { end, endOfPreviousYear } = financialYearDates(financialYear);
  const today = reader.today();
  if (end > today) throw new InvalidReadPointError(`the financial year ${financialYear} ends on ${end}, after today, ${today}`);
  const atEnd = await reader.at({ ...point, asOf: end });
  const before = await reader.at({ ...point, asOf: endOfPreviousYear });
  const { awardId, visible = () => true } = options;
  const views = (awardId === undefined ? [...atEnd.awards()] : [atEnd.award(awardId)]).map((view) =>
    view !== undefined && visible(view) ? view : undefined,
  );
  if (awardId !== undefined && views[0] === undefined) {
    const when = describeReadPoint({ ...point, asOf: end });
    throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${when}`, { awardId: awardId ?? '' });
  }
  const shown = views.filter((view): view is AwardView => view !== undefined);
  const report = yearEndReport(financialYear, shown, (id) => before.award(id));
  return { report, snapshot: atEnd };
}
