import type { AwardEventType, Programme } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { programmeAwardEntryOf, type ProgrammeAwardEntry } from '../../programme-totals/programme-totals.report';
import { madeAt, partiesOf, type ReportProjection } from './report-projection';

/** A programme's own row: what its totals are measured against. */
export interface ProgrammeHeaderRow {
  readonly programmeId: string;
  readonly name: string;
  readonly funder: Programme['funder'];
  readonly envelope: string;
  readonly financialYear: string;
}

export const PROGRAMME_HEADER_KEY = 'programme/';
export const PROGRAMME_AWARD_KEY = 'award/';

export const programmeOfHeader = (header: ProgrammeHeaderRow): Omit<Programme, 'status'> => ({
  ...header,
  envelope: Money.fromString(header.envelope),
});

/**
 * Truly incremental: an award's line in its programme changes only when the award is made or its
 * amount varied, and a read sums the stored lines of one programme (no award is folded or reconciled).
 */
export const programmeTotalsProjection: ReportProjection = {
  name: 'programme-totals',
  handles: new Set<AwardEventType | 'ProgrammeOpened'>(['ProgrammeOpened', 'AwardMade', 'AwardVaried']),
  rowsOfProgramme: ({ programme, lastPosition }) => {
    const { programmeId, name, funder, envelope, financialYear } = programme;
    const header: ProgrammeHeaderRow = { programmeId, name, funder, envelope: envelope.toString(), financialYear };
    return [{ key: `${PROGRAMME_HEADER_KEY}${programmeId}`, partition: programmeId, ordinal: BigInt(lastPosition), value: header }];
  },
  rowsOfAward: (view) => {
    const { programmeId, awardId } = view.award;
    if (programmeId === undefined) return [];
    const line: ProgrammeAwardEntry = programmeAwardEntryOf(view.award);
    return [{ key: `${PROGRAMME_AWARD_KEY}${awardId}`, partition: programmeId, ordinal: madeAt(view), parties: partiesOf(view), value: line }];
  },
};
