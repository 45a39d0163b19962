import { NotFound, type Organisation } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import type { LedgerView } from '../ledger/ledger-view';

/** All money as fixed 2-dp strings. */
export interface ProgrammeTotalsReport {
  readonly programmeId: string;
  readonly name: string;
  readonly funder: Organisation;
  readonly financialYear: string;
  readonly envelope: string;
  readonly awards: {
    readonly count: number;
    readonly total: string;
    /** In the order the awards were made. */
    readonly items: readonly ProgrammeAwardLine[];
  };
  /** Total awarded against the envelope: 'over' by how much, 'under' by how much, or 'exact'. */
  readonly envelopeDifference: { readonly kind: 'over' | 'under' | 'exact'; readonly amount: string };
  readonly byRecipient: ReadonlyArray<{
    readonly recipient: Organisation;
    readonly awards: ReadonlyArray<{ readonly awardId: string; readonly amount: string }>;
    readonly total: string;
  }>;
}

export interface ProgrammeAwardLine {
  readonly awardId: string;
  readonly recipient: Organisation;
  /** The current amount, after variations. */
  readonly amount: string;
  readonly runningTotal: string;
  /** This award takes the running total past the envelope, or comes after one that did. */
  readonly pastEnvelope: boolean;
}

/**
 * A programme's awards against its envelope (DESIGN §1). Awards past the envelope were recorded, not
 * refused, because announced envelopes are rounded ("£11.3m"); they are kept in every total and
 * flagged, and the difference is stated, never absorbed.
 */
export const programmeTotalsReport = (ledger: LedgerView, programmeId: string): ProgrammeTotalsReport => {
  const view = ledger.programmes.get(programmeId);
  if (view === undefined) {
    throw new NotFound('PROGRAMME_NOT_FOUND', `programme ${programmeId} has not been opened`, { programmeId });
  }
  const { programme } = view;
  const awards = [...ledger.awards.values()].map((v) => v.award).filter((a) => a.programmeId === programmeId);

  let running = Money.zero();
  const items = awards.map((award): ProgrammeAwardLine => {
    running = running.plus(award.amount);
    const pastEnvelope = running.greaterThan(programme.envelope);
    return {
      awardId: award.awardId,
      recipient: award.recipient,
      amount: award.amount.toString(),
      runningTotal: running.toString(),
      pastEnvelope,
    };
  });
  const total = running;
  const difference = total.minus(programme.envelope);

  type RecipientTotal = { recipient: Organisation; awards: Array<{ awardId: string; amount: string }>; total: Money };
  const recipients = new Map<string, RecipientTotal>();
  for (const award of awards) {
    const entry = recipients.get(award.recipient.id) ?? { recipient: award.recipient, awards: [], total: Money.zero() };
    entry.awards.push({ awardId: award.awardId, amount: award.amount.toString() });
    entry.total = entry.total.plus(award.amount);
    recipients.set(award.recipient.id, entry);
  }

  return {
    programmeId,
    name: programme.name,
    funder: programme.funder,
    financialYear: programme.financialYear,
    envelope: programme.envelope.toString(),
    awards: { count: awards.length, total: total.toString(), items },
    envelopeDifference: {
      kind: difference.isPositive() ? 'over' : difference.isNegative() ? 'under' : 'exact',
      amount: difference.abs().toString(),
    },
    byRecipient: [...recipients.values()].map((r) => ({ ...r, total: r.total.toString() })),
  };
};
