import { parseInstant } from '@fundledger/calendar';
import { readStreamAt, type EventStore } from '@fundledger/event-store';
import { awardStreamName } from '@fundledger/funding';
import { foldAwardRecord, type AwardRecord } from '@fundledger/reporting';

/** One award's stream folded for its certificates and returns, now or as at a position or a time. */
export const readAwardRecord = async (
  store: EventStore,
  awardId: string,
  at: { readonly asAt?: string; readonly position?: string } = {},
): Promise<AwardRecord> => {
  const cut =
    at.position !== undefined
      ? { position: BigInt(at.position) }
      : at.asAt !== undefined
        ? { time: parseInstant(at.asAt, '--as-at') }
        : undefined;
  const events = await readStreamAt(store, awardStreamName(awardId), cut);
  const record = foldAwardRecord(events);
  const when = at.position !== undefined ? ` as at position ${at.position}` : at.asAt !== undefined ? ` as at ${at.asAt}` : '';
  if (record === undefined) throw new Error(`award ${awardId} has not been made${when}`);
  return record;
};
