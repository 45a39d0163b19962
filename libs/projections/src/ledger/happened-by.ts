import type { IsoDate } from '@fundledger/calendar';
import type { RecordedEvent } from '@fundledger/event-store';
import {
  awardIdOfStream,
  businessDateOf,
  programmeIdOfStream,
  toAwardEvent,
  toProgrammeEvent,
  type AwardEvent,
} from '@fundledger/funding';

/**
 * The business-time cut: whether an event had happened in the world by the end of the UK day `asOf`
 * (its business date is on or before it), so that folding only those events answers "as of" that day.
 *
 * The ledger's date rules keep everything after what it depends on, so for events recorded under them
 * the date alone decides. Events recorded before business dates existed have dates inferred from when
 * they were recorded, which can put a payment (dated) before its commitment (inferred); what depends on
 * an event left out is therefore left out too, so that every cut folds into a consistent award.
 * Stateful: one filter per pass over the log, events given in log order.
 */
export function happenedBy(asOf: IsoDate): (recorded: RecordedEvent) => boolean {
  const leftOut = new Set<string>();
  const key = (stream: string, kind: string, id: string) => `${stream}\u0000${kind}\u0000${id}`;

  return (recorded) => {
    const { stream } = recorded;
    if (programmeIdOfStream(stream) !== undefined) return toProgrammeEvent(recorded).data.openedOn <= asOf;
    if (awardIdOfStream(stream) === undefined) return true;
    if (leftOut.has(stream)) return false;

    const event = toAwardEvent(recorded);
    const leaves = (kind: string, id: string) => leftOut.has(key(stream, kind, id));
    const dependsOnLeftOut = dependenciesOf(event).some(([kind, id]) => leaves(kind, id));
    if (!dependsOnLeftOut && businessDateOf(event) <= asOf) return true;

    if (event.type === 'AwardMade') leftOut.add(stream);
    for (const [kind, id] of introducedBy(event)) leftOut.add(key(stream, kind, id));
    return false;
  };
}

type Reference = readonly [kind: 'contribution' | 'grant' | 'disbursement', id: string];

/** What an event brings into being, that later events refer to. */
const introducedBy = (event: AwardEvent): Reference[] => {
  switch (event.type) {
    case 'MatchFundingPledged':
      return [['contribution', event.data.contributionId]];
    case 'GrantCommitted':
      return [['grant', event.data.grantId]];
    case 'DisbursementPaid':
      return [['disbursement', event.data.disbursementId]];
    default:
      return [];
  }
};

/** What an event refers to, that must have happened for it to be folded. */
const dependenciesOf = (event: AwardEvent): Reference[] => {
  switch (event.type) {
    case 'MatchFundingReceived':
    case 'MatchFundingWithdrawn':
      return [['contribution', event.data.contributionId]];
    case 'GrantCommitmentVaried':
      return [['grant', event.data.grantId]];
    case 'DisbursementPaid':
      return [['grant', event.data.grantId]];
    case 'DisbursementReversed':
      return [['disbursement', event.data.disbursementId]];
    default:
      return [];
  }
};
