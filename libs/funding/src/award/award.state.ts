import type { IsoDate, Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import type { MonthWindow, Organisation } from '../funding.values';
import type { AwardEvent, CertificateBasis, DeclaredTotals } from './award.events';
import { PersistentMap } from './persistent-map';

/** One match contribution: what was pledged, and how much of that was received or withdrawn since. */
export interface ContributionState {
  readonly contributionId: string;
  readonly contributor: Organisation;
  /** Absent: the provision period as it stands (see contributionWindow). */
  readonly window?: MonthWindow;
  readonly reference?: string;
  readonly pledgedOn: IsoDate;
  readonly pledged: Money;
  readonly received: Money;
  readonly withdrawn: Money;
}

export interface GrantState {
  readonly grantId: string;
  readonly grantee: Organisation;
  readonly purpose: string;
  readonly committedOn: IsoDate;
  readonly committed: Money;
  /** Net of reversals. */
  readonly paid: Money;
}

export interface DisbursementState {
  readonly disbursementId: string;
  readonly grantId: string;
  readonly amount: Money;
  readonly paidOn: IsoDate;
  readonly reference: string;
  readonly reversed: boolean;
  readonly reversedOn?: IsoDate;
}

export interface ProvisionExtensionState {
  readonly newEnd: Month;
  readonly decidedOn: IsoDate;
  readonly reason: string;
  readonly fundedBy: readonly string[];
}

export interface DecisionState {
  readonly decisionRef: string;
  readonly decidedOn: IsoDate;
  readonly declared: DeclaredTotals;
}

export interface CertificateState {
  readonly basis: CertificateBasis;
  readonly decisionRef: string;
  readonly certifiedOn: IsoDate;
  readonly figuresHash: string;
  readonly atRevision: number;
}

export interface ReturnState {
  readonly financialYear: string;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly figuresHash: string;
}

/** An award that has been made; `closed` once AwardClosed is recorded. */
export interface Award {
  readonly status: 'open' | 'closed';
  readonly awardId: string;
  readonly programmeId?: string;
  readonly funder: Organisation;
  readonly recipient: Organisation;
  /** The current amount, after variations. */
  readonly amount: Money;
  readonly awardedOn: IsoDate;
  /** The funder's eligibility window; only its end can move, and only later. */
  readonly window: MonthWindow;
  readonly decisionRef: string;
  readonly description: string;
  readonly extensions: readonly ProvisionExtensionState[];
  readonly contributions: ReadonlyMap<string, ContributionState>;
  readonly grants: ReadonlyMap<string, GrantState>;
  readonly disbursements: ReadonlyMap<string, DisbursementState>;
  readonly spendProfile?: ReadonlyMap<Month, Money>;
  readonly decisions: readonly DecisionState[];
  readonly certificates: readonly CertificateState[];
  readonly returns: readonly ReturnState[];
  readonly closure?: { readonly closedOn: IsoDate; readonly underspendReturned: Money };
}

export type AwardState = { readonly status: 'not-made' } | Award;

export const initialAwardState: AwardState = { status: 'not-made' };

/** O(1) amortised along a fold; a plain Map (a decoded view) is taken into a PersistentMap once. */
const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> =>
  (map instanceof PersistentMap ? map : PersistentMap.of(map)).set(key, value);

/** Decide guarantees order and references; an event that breaks them means the log itself is corrupt. */
const corrupt = (event: AwardEvent, why: string): Error =>
  new Error(`award ${event.data.awardId}: ${event.type} ${why}; the stream is inconsistent`);

const entry = <V>(map: ReadonlyMap<string, V>, key: string, event: AwardEvent): V => {
  const value = map.get(key);
  if (value === undefined) throw corrupt(event, `refers to unknown ${key}`);
  return value;
};

const made = (event: Extract<AwardEvent, { type: 'AwardMade' }>): Award => {
  const d = event.data;
  return {
    status: 'open',
    awardId: d.awardId,
    ...(d.programmeId === undefined ? {} : { programmeId: d.programmeId }),
    funder: d.funder,
    recipient: d.recipient,
    amount: Money.fromString(d.amount),
    awardedOn: d.awardedOn,
    window: d.window,
    decisionRef: d.decisionRef,
    description: d.description,
    extensions: [],
    contributions: PersistentMap.of(),
    grants: PersistentMap.of(),
    disbursements: PersistentMap.of(),
    decisions: [],
    certificates: [],
    returns: [],
  };
};

/** The pure fold of an award stream. */
export const evolveAward = (state: AwardState, event: AwardEvent): AwardState => {
  if (event.type === 'AwardMade') {
    if (state.status !== 'not-made') throw corrupt(event, 'recorded twice');
    return made(event);
  }
  if (state.status === 'not-made') throw corrupt(event, 'before AwardMade');
  return evolveMadeAward(state, event);
};

const evolveMadeAward = (award: Award, event: Exclude<AwardEvent, { type: 'AwardMade' }>): Award => {
  switch (event.type) {
    case 'AwardVaried': {
      const { newAmount, newWindowEnd } = event.data;
      return {
        ...award,
        amount: newAmount === undefined ? award.amount : Money.fromString(newAmount),
        window: newWindowEnd === undefined ? award.window : { ...award.window, end: newWindowEnd },
      };
    }
    case 'MatchFundingPledged': {
      const { contributionId, contributor, amount, pledgedOn, window, reference } = event.data;
      const contribution: ContributionState = {
        contributionId,
        contributor,
        ...(window === undefined ? {} : { window }),
        ...(reference === undefined ? {} : { reference }),
        pledgedOn,
        pledged: Money.fromString(amount),
        received: Money.zero(),
        withdrawn: Money.zero(),
      };
      return { ...award, contributions: withEntry(award.contributions, contributionId, contribution) };
    }
    case 'MatchFundingReceived': {
      const contribution = entry(award.contributions, event.data.contributionId, event);
      const received = contribution.received.plus(Money.fromString(event.data.amount));
      const contributions = withEntry(award.contributions, contribution.contributionId, { ...contribution, received });
      return { ...award, contributions };
    }
    case 'MatchFundingWithdrawn': {
      const contribution = entry(award.contributions, event.data.contributionId, event);
      const withdrawn = contribution.withdrawn.plus(Money.fromString(event.data.amount));
      const contributions = withEntry(award.contributions, contribution.contributionId, { ...contribution, withdrawn });
      return { ...award, contributions };
    }
    case 'GrantCommitted': {
      const { grantId, grantee, amount, committedOn, purpose } = event.data;
      const committed = Money.fromString(amount);
      const grant: GrantState = { grantId, grantee, purpose, committedOn, committed, paid: Money.zero() };
      return { ...award, grants: withEntry(award.grants, grantId, grant) };
    }
    case 'GrantCommitmentVaried': {
      const grant = entry(award.grants, event.data.grantId, event);
      const committed = Money.fromString(event.data.newAmount);
      return { ...award, grants: withEntry(award.grants, grant.grantId, { ...grant, committed }) };
    }
    case 'DisbursementPaid': {
      const { grantId, disbursementId, amount, paidOn, reference } = event.data;
      const grant = entry(award.grants, grantId, event);
      const paid = Money.fromString(amount);
      const disbursement: DisbursementState = {
        disbursementId,
        grantId,
        amount: paid,
        paidOn,
        reference,
        reversed: false,
      };
      return {
        ...award,
        grants: withEntry(award.grants, grantId, { ...grant, paid: grant.paid.plus(paid) }),
        disbursements: withEntry(award.disbursements, disbursementId, disbursement),
      };
    }
    case 'DisbursementReversed': {
      const disbursement = entry(award.disbursements, event.data.disbursementId, event);
      if (disbursement.reversed) throw corrupt(event, 'reverses a disbursement twice');
      const grant = entry(award.grants, disbursement.grantId, event);
      return {
        ...award,
        grants: withEntry(award.grants, grant.grantId, { ...grant, paid: grant.paid.minus(disbursement.amount) }),
        disbursements: withEntry(award.disbursements, disbursement.disbursementId, {
          ...disbursement,
          reversed: true,
          reversedOn: event.data.reversedOn,
        }),
      };
    }
    case 'ProvisionExtended': {
      const { newEnd, decidedOn, reason, fundedBy } = event.data;
      return { ...award, extensions: [...award.extensions, { newEnd, decidedOn, reason, fundedBy }] };
    }
    case 'SpendProfileSet': {
      const months = PersistentMap.of(Object.entries(event.data.months).map(([month, cost]) => [month, Money.fromString(cost)]));
      return { ...award, spendProfile: months };
    }
    case 'DecisionRecorded': {
      const { decisionRef, decidedOn, declared } = event.data;
      return { ...award, decisions: [...award.decisions, { decisionRef, decidedOn, declared }] };
    }
    case 'BudgetCertified': {
      const { basis, decisionRef, certifiedOn, figuresHash, atRevision } = event.data;
      const certificate: CertificateState = { basis, decisionRef, certifiedOn, figuresHash, atRevision };
      return { ...award, certificates: [...award.certificates, certificate] };
    }
    case 'ReturnSubmitted': {
      const { financialYear, quarter, figuresHash } = event.data;
      return { ...award, returns: [...award.returns, { financialYear, quarter, figuresHash }] };
    }
    case 'AwardClosed': {
      const { closedOn, underspendReturned } = event.data;
      const closure = { closedOn, underspendReturned: Money.fromString(underspendReturned) };
      return { ...award, status: 'closed', closure };
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled award event ${(unhandled as AwardEvent).type}`);
    }
  }
};

/** Folds a whole stream, oldest first. */
export const foldAward = (events: Iterable<AwardEvent>, from: AwardState = initialAwardState): AwardState => {
  let state = from;
  for (const event of events) state = evolveAward(state, event);
  return state;
};
