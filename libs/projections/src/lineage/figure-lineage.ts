import type { RecordedEvent } from '@fundledger/event-store';
import {
  availableFunding,
  businessDateOf,
  committedTotal,
  evolveAward,
  initialAwardState,
  isBusinessDateInferred,
  matchFundingReceived,
  matchFundingTotal,
  paidTotal,
  toAwardEvent,
  uncommittedFunding,
  unpaidCommitment,
  unspentFunding,
  type Award,
  type AwardState,
} from '@fundledger/funding';
import { Money } from '@fundledger/money';

/**
 * The figures of an award's position whose history can be asked for, each read through the same
 * award.figures functions the rules and the position use, so a lineage always adds up to the figure.
 */
export const LINEAGE_FIGURES = {
  'award-amount': { label: 'award amount', of: (award: Award) => award.amount },
  'match-pledged': { label: 'match funding pledged', of: (award: Award) => Money.sum([...award.contributions.values()].map((c) => c.pledged)) },
  'match-received': { label: 'match funding received', of: matchFundingReceived },
  'match-withdrawn': { label: 'match funding withdrawn', of: (award: Award) => Money.sum([...award.contributions.values()].map((c) => c.withdrawn)) },
  'match-net': { label: 'match funding (pledged − withdrawn)', of: matchFundingTotal },
  'available-funding': { label: 'available funding', of: availableFunding },
  committed: { label: 'committed', of: committedTotal },
  paid: { label: 'paid (net of reversals)', of: paidTotal },
  'unpaid-commitments': { label: 'unpaid commitments', of: (award: Award) => Money.sum([...award.grants.values()].map(unpaidCommitment)) },
  'uncommitted-headroom': { label: 'uncommitted headroom', of: uncommittedFunding },
  unspent: { label: 'unspent (available − paid)', of: unspentFunding },
} as const satisfies Record<string, { readonly label: string; readonly of: (award: Award) => Money }>;

export type LineageFigure = keyof typeof LINEAGE_FIGURES;

export const isLineageFigure = (name: string): name is LineageFigure => Object.hasOwn(LINEAGE_FIGURES, name);

/** One event that moved the figure: by how much, and who recorded what, when it happened and when it was recorded. */
export interface LineageTerm {
  readonly position: string;
  readonly revision: string;
  readonly eventId: string;
  readonly type: string;
  readonly businessDate: string;
  readonly businessDateInferred: boolean;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string } | null;
  /** Signed, 2-dp: the figure after the event less the figure before it. */
  readonly change: string;
  /** The figure after the event. */
  readonly total: string;
}

export interface FigureLineage {
  readonly awardId: string;
  readonly figure: LineageFigure;
  readonly label: string;
  readonly value: string;
  readonly terms: readonly LineageTerm[];
  /** "available funding £298,241.66 = £200,333.33 AwardMade (position 4) − £208.67 AwardVaried (position 27) + …" */
  readonly explanation: string;
}

const actorOf = (event: RecordedEvent): LineageTerm['actor'] => {
  const actor = event.metadata.actor as { id?: unknown; role?: unknown } | undefined;
  return typeof actor?.id === 'string' && typeof actor.role === 'string' ? { id: actor.id, role: actor.role } : null;
};

const signed = (change: Money): string => (change.isNegative() ? `− ${change.abs().format()}` : `+ ${change.format()}`);

/**
 * Folds an award's stream (as read at a point) and keeps every event after which the figure differs:
 * the terms always sum to the figure, because each is the difference the fold itself made.
 */
export const figureLineage = (events: readonly RecordedEvent[], figure: LineageFigure): FigureLineage | undefined => {
  const { label, of } = LINEAGE_FIGURES[figure];
  let state: AwardState = initialAwardState;
  const terms: LineageTerm[] = [];
  for (const recorded of events) {
    const event = toAwardEvent(recorded);
    const before = state.status === 'not-made' ? Money.zero() : of(state);
    state = evolveAward(state, event);
    if (state.status === 'not-made') continue;
    const after = of(state);
    const change = after.minus(before);
    if (change.isZero()) continue;
    terms.push({
      position: recorded.position.toString(),
      revision: recorded.revision.toString(),
      eventId: recorded.id,
      type: recorded.type,
      businessDate: businessDateOf(event),
      businessDateInferred: isBusinessDateInferred(event),
      recordedAt: recorded.recordedAt,
      actor: actorOf(recorded),
      change: change.toString(),
      total: after.toString(),
    });
  }
  if (state.status === 'not-made') return undefined;
  const value = of(state);
  const parts = terms.map((t, i) => {
    const change = Money.fromString(t.change);
    const amount = i === 0 && !change.isNegative() ? change.format() : signed(change);
    return `${amount} ${t.type} (position ${t.position}, ${t.businessDate})`;
  });
  return {
    awardId: state.awardId,
    figure,
    label,
    value: value.toString(),
    terms,
    explanation: `${label} ${value.format()} = ${parts.length === 0 ? value.format() : parts.join(' ')}`,
  };
};
