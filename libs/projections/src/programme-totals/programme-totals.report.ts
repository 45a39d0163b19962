import { NotFound, type Award, type Organisation, type Programme } from '@fundledger/funding';
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

/** What the totals need of one award of the programme: a line a projection can store as it changes. */
export interface ProgrammeAwardEntry {
  readonly awardId: string;
  readonly recipient: Organisation;
  /** The current amount, after variations (2-dp string). */
  readonly amount: string;
}

export const programmeAwardEntryOf = (award: Award): ProgrammeAwardEntry => ({
  awardId: award.awardId,
  recipient: award.recipient,
  amount: award.amount.toString(),
});

/**
 * A programme's awards against its envelope (DESIGN §1), from the ledger folded to the point asked for.
 */
export const programmeTotalsReport = (ledger: LedgerView, programmeId: string): ProgrammeTotalsReport => {
  const view = ledger.programmes.get(programmeId);
  if (view === undefined) {
    throw new NotFound('PROGRAMME_NOT_FOUND', `programme ${programmeId} has not been opened`, { programmeId });
  }
  const awards = [...ledger.awards.values()].map((v) => v.award).filter((a) => a.programmeId === programmeId);
  return programmeTotalsOf(view.programme, awards.map(programmeAwardEntryOf));
};

/**
 * The totals of a programme's awards, given in the order they were made. Awards past the envelope were
 * recorded, not refused, because announced envelopes are rounded ("£11.3m"); they are kept in every
 * total and flagged, and the difference is stated, never absorbed.
 */
export const programmeTotalsOf = (programme: Omit<Programme, 'status'>, awards: readonly ProgrammeAwardEntry[]): ProgrammeTotalsReport => {
  let running = Money.zero();
  const items = awards.map((award): ProgrammeAwardLine => {
    running = running.plus(Money.fromString(award.amount));
    const pastEnvelope = running.greaterThan(programme.envelope);
    return {
      awardId: award.awardId,
      recipient: award.recipient,
      amount: award.amount,
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
    entry.awards.push({ awardId: award.awardId, amount: award.amount });
    entry.total = entry.total.plus(Money.fromString(award.amount));
    recipients.set(award.recipient.id, entry);
  }

  return {
    programmeId: programme.programmeId,
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
