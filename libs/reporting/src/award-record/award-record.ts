import type { IsoDate } from '@fundledger/calendar';
import type { RecordedEvent } from '@fundledger/event-store';
import type { BudgetCertified, MatchFundingReceived, ReturnSubmitted } from '@fundledger/funding';
import { evolveAwardView, type AwardView } from '@fundledger/projections';

/**
 * One award stream folded for certificates and returns: the read side's AwardView plus what the view
 * does not keep and these documents need — the dates match funding was received on (a return states
 * receipts by quarter), and the certificates and returns as recorded, figures and all (the domain state
 * keeps only their hashes).
 */

export interface MatchReceipt {
  readonly contributionId: string;
  readonly amount: string;
  readonly receivedOn: IsoDate;
}

/** Where a recorded event sits, so a document can say exactly which event it is. */
export interface RecordedAt {
  readonly revision: string;
  readonly position: string;
  readonly recordedAt: string;
}

/** The authenticated subject who recorded an event: the bearer token's, or the import's --actor. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

export interface CertificateRecord extends RecordedAt {
  /** 1 for the award's first certificate, then 2, 3… */
  readonly index: number;
  readonly data: BudgetCertified['data'];
  /** Who issued it, from the event's metadata; null only for an event recorded without an actor. */
  readonly issuedBy: Actor | null;
}

export interface ReturnRecord extends RecordedAt {
  readonly data: ReturnSubmitted['data'];
  readonly submittedBy: Actor | null;
}

export interface AwardRecord {
  readonly view: AwardView;
  readonly matchReceipts: readonly MatchReceipt[];
  readonly certificates: readonly CertificateRecord[];
  readonly returns: readonly ReturnRecord[];
  /** The stream as folded, oldest first. */
  readonly events: readonly RecordedEvent[];
}

const stampOf = (event: RecordedEvent): RecordedAt => ({
  revision: event.revision.toString(),
  position: event.position.toString(),
  recordedAt: event.recordedAt,
});

const actorOf = (event: RecordedEvent): Actor | null => {
  const actor = event.metadata.actor as { id?: unknown; role?: unknown } | undefined;
  return typeof actor?.id === 'string' && typeof actor.role === 'string' ? { id: actor.id, role: actor.role } : null;
};

/** Folds one award's stream, oldest first; undefined when it holds no event (the award was never made). */
export const foldAwardRecord = (events: Iterable<RecordedEvent>): AwardRecord | undefined => {
  let view: AwardView | undefined;
  const folded: RecordedEvent[] = [];
  const matchReceipts: MatchReceipt[] = [];
  const certificates: CertificateRecord[] = [];
  const returns: ReturnRecord[] = [];
  for (const event of events) {
    view = evolveAwardView(view, event);
    folded.push(event);
    if (event.type === 'MatchFundingReceived') {
      const data = event.data as unknown as MatchFundingReceived['data'];
      matchReceipts.push({ contributionId: data.contributionId, amount: data.amount, receivedOn: data.receivedOn });
    }
    if (event.type === 'BudgetCertified') {
      const data = event.data as unknown as BudgetCertified['data'];
      certificates.push({ index: certificates.length + 1, ...stampOf(event), data, issuedBy: actorOf(event) });
    }
    if (event.type === 'ReturnSubmitted') {
      returns.push({ ...stampOf(event), data: event.data as unknown as ReturnSubmitted['data'], submittedBy: actorOf(event) });
    }
  }
  return view === undefined ? undefined : { view, matchReceipts, certificates, returns, events: folded };
};
