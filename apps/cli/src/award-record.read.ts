import { parseInstant } from '@fundledger/calendar';
import type { EventStore, RecordedEvent } from '@fundledger/event-store';
import { awardStreamName } from '@fundledger/funding';
import { foldAwardRecord, type AwardRecord } from '@fundledger/reporting';

/** One award's stream folded for its certificates and returns, now or as at a position or a time. */
export const readAwardRecord = async (
  store: EventStore,
  awardId: string,
  at: { readonly asAt?: string; readonly position?: string } = {},
): Promise<AwardRecord> => {
  const upToPosition = at.position === undefined ? undefined : BigInt(at.position);
  const upToTime = at.asAt === undefined ? undefined : Date.parse(parseInstant(at.asAt, '--as-at'));
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(awardStreamName(awardId))) {
    if (upToPosition !== undefined && event.position > upToPosition) break;
    if (upToTime !== undefined && Date.parse(event.recordedAt) > upToTime) break;
    events.push(event);
  }
  const record = foldAwardRecord(events);
  const when = at.position !== undefined ? ` as at position ${at.position}` : at.asAt !== undefined ? ` as at ${at.asAt}` : '';
  if (record === undefined) throw new Error(`award ${awardId} has not been made${when}`);
  return record;
};
