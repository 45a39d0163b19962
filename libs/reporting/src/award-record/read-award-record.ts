import { readStreamAt, type EventStore } from '@fundledger/event-store';
import { awardStreamName, NotFound } from '@fundledger/funding';
import { describeReadPoint, happenedBy, logCutOf, type ReadPoint } from '@fundledger/projections';
import { foldAwardRecord, type AwardRecord } from './award-record';

/**
 * One award's own stream, folded at a read point, for its certificates and returns (HTTP and CLI alike):
 * they need what the read model does not keep, and one stream is a short read. As known at a point reads
 * fewer events; as of a business date folds only what had happened by then.
 */
export const readAwardRecord = async (
  store: EventStore,
  awardId: string,
  point: ReadPoint,
): Promise<{ readonly record: AwardRecord; readonly when: string }> => {
  const events = await readStreamAt(store, awardStreamName(awardId), logCutOf(point));
  const happened = point.asOf === undefined ? undefined : happenedBy(point.asOf);
  const record = foldAwardRecord(happened === undefined ? events : events.filter(happened));
  const when = describeReadPoint(point);
  if (record === undefined) throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${when}`, { awardId });
  return { record, when };
};
