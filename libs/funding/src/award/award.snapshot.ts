import { Money } from '@fundledger/money';
import type { JsonData } from './award.events';
import type { Award, AwardState, ContributionState, DisbursementState, GrantState } from './award.state';
import { PersistentMap } from './persistent-map';

/**
 * An award's folded state as JSON, for the snapshots kept every N events, and back. Amounts travel as
 * the fixed-scale strings the events hold (Money.toString, read back by Money.fromString), so the state
 * read back is exactly the folded one; maps travel as their values in order, each keyed again by its own
 * id, as evolve keys them. Bump the version whenever the encoded shape changes: a snapshot of any other
 * version is not read (decode answers undefined) and the stream is folded from its start instead.
 */
export const AWARD_SNAPSHOT_VERSION = 1;

type Plain<T, Amounts extends keyof T> = Omit<T, Amounts> & { readonly [K in Amounts]: string };

type EncodedContribution = Plain<ContributionState, 'pledged' | 'received' | 'withdrawn'>;
type EncodedGrant = Plain<GrantState, 'committed' | 'paid'>;
/**
 * A tuple rather than an object: an award padded with 100,000 small payments holds 100,000 of these,
 * and without their keys the snapshot is a third of the size to write, read and parse.
 * [disbursementId, grantId, amount, paidOn, reference, reversed (0 or 1), reversedOn if any]
 */
type EncodedDisbursement = readonly [string, string, string, string, string, 0 | 1, string?];

const encodeDisbursement = (d: DisbursementState): EncodedDisbursement => {
  const head = [d.disbursementId, d.grantId, d.amount.toString(), d.paidOn, d.reference, d.reversed ? 1 : 0] as const;
  return d.reversedOn === undefined ? head : [...head, d.reversedOn];
};

const decodeDisbursement = ([disbursementId, grantId, amount, paidOn, reference, reversed, reversedOn]: EncodedDisbursement): DisbursementState => ({
  disbursementId,
  grantId,
  amount: Money.fromString(amount),
  paidOn,
  reference,
  reversed: reversed === 1,
  ...(reversedOn === undefined ? {} : { reversedOn }),
});

interface EncodedAward
  extends Omit<Award, 'amount' | 'contributions' | 'grants' | 'disbursements' | 'spendProfile' | 'closure'> {
  readonly amount: string;
  readonly contributions: readonly EncodedContribution[];
  readonly grants: readonly EncodedGrant[];
  readonly disbursements: readonly EncodedDisbursement[];
  readonly spendProfile?: ReadonlyArray<readonly [string, string]>;
  readonly closure?: { readonly closedOn: string; readonly underspendReturned: string };
}

type EncodedAwardState = { readonly status: 'not-made' } | EncodedAward;

export const encodeAwardState = (state: AwardState): JsonData => {
  if (state.status === 'not-made') return { status: 'not-made' };
  const { amount, contributions, grants, disbursements, spendProfile, closure, ...plain } = state;
  const encoded: EncodedAward = {
    ...plain,
    amount: amount.toString(),
    contributions: [...contributions.values()].map((c) => ({
      ...c,
      pledged: c.pledged.toString(),
      received: c.received.toString(),
      withdrawn: c.withdrawn.toString(),
    })),
    grants: [...grants.values()].map((g) => ({ ...g, committed: g.committed.toString(), paid: g.paid.toString() })),
    disbursements: [...disbursements.values()].map(encodeDisbursement),
    ...(spendProfile === undefined ? {} : { spendProfile: [...spendProfile].map(([month, cost]) => [month, cost.toString()] as const) }),
    ...(closure === undefined ? {} : { closure: { ...closure, underspendReturned: closure.underspendReturned.toString() } }),
  };
  return encoded as unknown as JsonData;
};

/** The award a snapshot of this version holds; undefined for another version. Throws on a malformed amount. */
export const decodeAwardState = (stored: JsonData, version: number): AwardState | undefined => {
  if (version !== AWARD_SNAPSHOT_VERSION) return undefined;
  const encoded = stored as unknown as EncodedAwardState;
  if (encoded.status === 'not-made') return { status: 'not-made' };
  if (encoded.status !== 'open' && encoded.status !== 'closed') return undefined;
  const { amount, contributions, grants, disbursements, spendProfile, closure, ...plain } = encoded;
  return {
    ...plain,
    amount: Money.fromString(amount),
    contributions: keyed(contributions, (c) => c.contributionId, (c) => ({
      ...c,
      pledged: Money.fromString(c.pledged),
      received: Money.fromString(c.received),
      withdrawn: Money.fromString(c.withdrawn),
    })),
    grants: keyed(grants, (g) => g.grantId, (g) => ({ ...g, committed: Money.fromString(g.committed), paid: Money.fromString(g.paid) })),
    disbursements: keyed(disbursements, ([disbursementId]) => disbursementId, decodeDisbursement),
    ...(spendProfile === undefined ? {} : { spendProfile: PersistentMap.of(spendProfile.map(([month, cost]) => [month, Money.fromString(cost)])) }),
    ...(closure === undefined ? {} : { closure: { ...closure, underspendReturned: Money.fromString(closure.underspendReturned) } }),
  };
};

function keyed<E, V>(encoded: readonly E[], key: (value: E) => string, decode: (value: E) => V): PersistentMap<string, V> {
  return PersistentMap.of(
    (function* () {
      for (const value of encoded) yield [key(value), decode(value)] as const;
    })(),
  );
}
