import { type AuthenticatedActor, awardInScope } from '@fundledger/access';
import { parseInstant } from '@fundledger/calendar';
import { EVENT_STORE, readStreamAt, type EventStore } from '@fundledger/event-store';
import { awardStreamName, NotFound } from '@fundledger/funding';
import { foldAwardRecord, type AwardRecord } from '@fundledger/reporting';
import { Inject, Injectable } from '@nestjs/common';
import { RequestRefused } from '../errors/request-refused.error';

/** Which award stream to fold: now, or as it stood at a log position or a recorded time (inclusive). */
export interface AwardRecordQuery {
  readonly asAt?: string;
  readonly position?: string;
}

/**
 * Certificates and returns are read from the award's own stream, not from the read model: they need
 * what the read model does not keep (the figures a certificate pinned, the versions of a return, the
 * dates match funding arrived on), and one stream is a short read. As-at answers fold fewer events.
 */
@Injectable()
export class AwardRecords {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(awardId: string, query: AwardRecordQuery, actor: AuthenticatedActor): Promise<{ record: AwardRecord; when: string }> {
    if (query.asAt !== undefined && query.position !== undefined) {
      throw new RequestRefused(400, 'INVALID_REQUEST', 'give asAt or position, not both');
    }
    const cut =
      query.position !== undefined
        ? { position: BigInt(query.position) }
        : query.asAt !== undefined
          ? { time: parseInstant(query.asAt, 'asAt') }
          : undefined;
    const events = await readStreamAt(this.store, awardStreamName(awardId), cut);
    const when = query.position !== undefined ? ` as at position ${query.position}` : query.asAt !== undefined ? ` as at ${query.asAt}` : '';
    const record = foldAwardRecord(events);
    const parties = record === undefined ? undefined : { funderId: record.view.award.funder.id, recipientId: record.view.award.recipient.id };
    // Another organisation's award is answered as one never made.
    if (record === undefined || parties === undefined || !awardInScope(actor, parties)) throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${when}`, { awardId });
    return { record, when };
  }
}
