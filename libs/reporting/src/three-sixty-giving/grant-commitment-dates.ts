import { ukDateOf, type IsoDate } from '@fundledger/calendar';
import type { RecordedEvent } from '@fundledger/event-store';
import { awardIdOfStream } from '@fundledger/projections';

/**
 * When each grant out was committed, as a UK calendar date, keyed by grantCommitmentKey.
 *
 * 360Giving requires an Award Date for every grant, but GrantCommitted carries no date of its own
 * (DESIGN §3: grantId, grantee, amount, purpose), and neither the domain fold nor the ledger view
 * keeps one. The nearest true fact is when the ledger recorded the commitment, so that is the date
 * exported: the event's recordedAt, read on the Europe/London calendar because the store records
 * UTC instants and a commitment entered at 00:30 BST belongs to that UK day, not the UTC day before.
 */
export type GrantCommitmentDates = ReadonlyMap<string, IsoDate>;

export const emptyGrantCommitmentDates: GrantCommitmentDates = new Map();

/** Award and grant ids cannot contain "/", so the key is unambiguous. */
export const grantCommitmentKey = (awardId: string, grantId: string): string => `${awardId}/${grantId}`;

const commitmentOf = (event: RecordedEvent): { key: string; date: IsoDate } | undefined => {
  if (event.type !== 'GrantCommitted') return undefined;
  const awardId = awardIdOfStream(event.stream);
  const grantId = event.data.grantId;
  if (awardId === undefined || typeof grantId !== 'string') return undefined;
  return { key: grantCommitmentKey(awardId, grantId), date: ukDateOf(event.recordedAt) };
};

/** Pure: a new map only when the event commits a grant; ids are unique within an award, so the first date stands. */
export function evolveGrantCommitmentDates(dates: GrantCommitmentDates, event: RecordedEvent): GrantCommitmentDates {
  const commitment = commitmentOf(event);
  if (commitment === undefined || dates.has(commitment.key)) return dates;
  return new Map(dates).set(commitment.key, commitment.date);
}

/** The same as reducing with evolveGrantCommitmentDates, without a copy per commitment. */
export function foldGrantCommitmentDates(
  events: Iterable<RecordedEvent>,
  from: GrantCommitmentDates = emptyGrantCommitmentDates,
): GrantCommitmentDates {
  const dates = new Map(from);
  for (const event of events) {
    const commitment = commitmentOf(event);
    if (commitment !== undefined && !dates.has(commitment.key)) dates.set(commitment.key, commitment.date);
  }
  return dates;
}
