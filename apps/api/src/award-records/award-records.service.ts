import { awardInScope, type AuthenticatedActor } from '@fundledger/access';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { NotFound } from '@fundledger/funding';
import {
  answeredAtOf,
  LEDGER_READER,
  parseReadPoint,
  type AnsweredAt,
  type LedgerReader,
  type ReadPointInput,
} from '@fundledger/projections';
import { readAwardRecord, type AwardRecord } from '@fundledger/reporting';
import { Inject, Injectable } from '@nestjs/common';

/** Certificates and returns read the award's own stream at the read point the query names. */
@Injectable()
export class AwardRecords {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
  ) {}

  async read(
    awardId: string,
    query: ReadPointInput,
    actor: AuthenticatedActor,
  ): Promise<{ record: AwardRecord; when: string; answeredAt: AnsweredAt }> {
    const point = parseReadPoint(query, this.reader.today());
    const { record, when } = await readAwardRecord(this.store, awardId, point);
    const { funder, recipient } = record.view.award;
    // Another organisation's award is answered as one never made.
    if (!awardInScope(actor, { funderId: funder.id, recipientId: recipient.id })) {
      throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made${when}`, { awardId });
    }
    const last = record.events[record.events.length - 1];
    return { record, when, answeredAt: answeredAtOf({ position: last.position.toString(), recordedAt: last.recordedAt }, point) };
  }
}
