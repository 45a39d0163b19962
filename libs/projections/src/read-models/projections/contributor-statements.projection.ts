import { contributionEntriesOf, type ContributionEntry } from '../../contributor-statement/contributor-statement.report';
import { MonthsFunded } from '../../funded-months/months-funded';
import { EVERY_AWARD_EVENT, reconciliationOf } from './award-reports.projection';
import { madeAt, partiesOf, type ReportProjection } from './report-projection';

/** A contribution entry as stored: its months as an exact fraction, so the statement's total is exact. */
export type ContributionEntryRow = Omit<ContributionEntry, 'months'> & { readonly monthsExact: string };

export const contributionEntryOfRow = ({ monthsExact, ...entry }: ContributionEntryRow): ContributionEntry => ({
  ...entry,
  months: MonthsFunded.fromFraction(monthsExact),
});

/**
 * One row per contribution, partitioned by the contributor, so a statement reads only its own lines.
 * The planned use and months funded come from the award's reconciliation, which any award event can
 * move, so every award event recomputes that award's lines.
 */
export const contributorStatementsProjection: ReportProjection = {
  name: 'contributor-statements',
  handles: EVERY_AWARD_EVENT,
  rowsOfAward: (view) =>
    contributionEntriesOf(view, reconciliationOf(view)).map((entry, index) => {
      const { months, ...line } = entry;
      const value: ContributionEntryRow = { ...line, monthsExact: months.toFraction() };
      return {
        // The index keeps the award's contributions in the order they were pledged.
        key: `${entry.awardId}/${String(index).padStart(6, '0')}`,
        partition: entry.contributor.id,
        ordinal: madeAt(view),
        parties: partiesOf(view),
        value,
      };
    }),
};
