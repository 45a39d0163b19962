import fc from 'fast-check';
import { addMonths, monthsInRange } from '@fundledger/calendar';
import type { RecordedEvent } from '@fundledger/event-store';
import {
  availableFunding,
  committedTotal,
  matchFundingTotal,
  outstandingPledge,
  provisionMonths,
  type Award,
} from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { fixtureRecorder, type FixtureCommandBody } from '@fundledger/testing';

/**
 * Random award histories for property specs, made valid by construction: each generated step is
 * turned into a command shaped by the award as it stands (amounts as a percentage of what is left,
 * ids of things that exist) and decided by the domain; a command the domain refuses writes nothing,
 * exactly as in the service. So every history is one the ledger could really hold.
 */

export const GENERATED_AWARD_ID = 'award-g';
const CONTRIBUTORS = ['council-a', 'council-b', 'opcc-x'];
const GRANTEES = ['grantee-a', 'grantee-b', 'grantee-c'];

const pct = fc.integer({ min: 1, max: 100 });
const pick = fc.nat({ max: 20 });
const orgIndex = fc.nat({ max: 2 });
const kind = <K extends string>(k: K): fc.Arbitrary<K> => fc.constant(k);

/** One generated step of an award's history: what kind of command, with the choices that shape it. */
export const historyStep = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: kind('pledge'),
      org: orgIndex,
      pennies: fc.integer({ min: 1, max: 5_000_000 }),
      window: fc.option(fc.record({ startOffset: fc.nat({ max: 6 }), length: fc.integer({ min: 1, max: 14 }) })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: kind('receive'), pick, pct }) },
  { weight: 2, arbitrary: fc.record({ kind: kind('withdraw'), pick, pct }) },
  { weight: 5, arbitrary: fc.record({ kind: kind('commit'), org: orgIndex, pct }) },
  { weight: 2, arbitrary: fc.record({ kind: kind('varyGrant'), pick, pct: fc.integer({ min: 1, max: 150 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: kind('pay'), pick, pct, monthOffset: fc.integer({ min: -1, max: 20 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: kind('reverse'), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: kind('varyAward'),
      pct: fc.integer({ min: 40, max: 160 }),
      later: fc.nat({ max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: kind('extend'), by: fc.integer({ min: 1, max: 6 }), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: kind('profile'),
      costs: fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: kind('decision'), pct: fc.integer({ min: 90, max: 110 }) }) },
);

export type HistoryStep = typeof historyStep extends fc.Arbitrary<infer S> ? S : never;

export interface HistorySeed {
  readonly pennies: number;
  readonly startMonth: number;
  readonly length: number;
  readonly steps: readonly HistoryStep[];
}

export const historySeed: fc.Arbitrary<HistorySeed> = fc.record({
  pennies: fc.integer({ min: 100, max: 20_000_000 }),
  startMonth: fc.nat({ max: 11 }),
  length: fc.integer({ min: 1, max: 12 }),
  steps: fc.array(historyStep, { minLength: 4, maxLength: 40, size: 'medium' }),
});

const money = (pennies: bigint): string => Money.fromPennies(pennies < 1n ? 1n : pennies).toString();
const share = (amount: Money, percent: number): bigint => (amount.toPennies() * BigInt(percent)) / 100n;
const nth = <T>(items: Iterable<T>, index: number): T | undefined => {
  const list = [...items];
  return list.length === 0 ? undefined : list[index % list.length];
};

const org = (id: string): { id: string; name: string } => ({ id, name: id });
/** Every generated fact but payments and receipts is dated the day the award was made: the date rules always hold. */
const AWARDED_ON = '2021-01-01';
const headroomOf = (award: Award): Money => availableFunding(award).minus(committedTotal(award));
/** A declared total as a decision would state it: amounts must be positive, so nothing reads as a penny. */
const declaredTotal = (amount: Money): string => (amount.isZero() ? '0.01' : amount.toString());

/** The command a generated step stands for on the award as it stands; undefined when nothing fits it. */
export const commandFor = (s: HistoryStep, award: Award, n: number): FixtureCommandBody | undefined => {
  const awardId = GENERATED_AWARD_ID;
  const months = provisionMonths(award);
  const from = (offset: number): string => addMonths(award.window.start, offset);
  switch (s.kind) {
    case 'pledge': {
      const w = s.window;
      const window = w && { start: from(w.startOffset), end: from(w.startOffset + w.length - 1) };
      return {
        type: 'PledgeMatchFunding',
        awardId,
        contributionId: `c-${n}`,
        contributor: org(CONTRIBUTORS[s.org]),
        amount: money(BigInt(s.pennies)),
        pledgedOn: AWARDED_ON,
        ...(window ? { window } : {}),
      };
    }
    case 'receive':
    case 'withdraw': {
      const c = nth(award.contributions.values(), s.pick);
      if (c === undefined) return undefined;
      const [contributionId, amount] = [c.contributionId, money(share(outstandingPledge(c), s.pct))];
      return s.kind === 'receive'
        ? { type: 'ReceiveMatchFunding', awardId, contributionId, amount, receivedOn: `${months[0]}-10` }
        : { type: 'WithdrawMatchFunding', awardId, contributionId, amount, withdrawnOn: AWARDED_ON, reason: 'generated' };
    }
    case 'commit': {
      const amount = money(share(headroomOf(award), s.pct));
      const grantee = org(GRANTEES[s.org]);
      return { type: 'CommitGrant', awardId, grantId: `g-${n}`, grantee, amount, committedOn: AWARDED_ON, purpose: 'generated' };
    }
    case 'varyGrant': {
      const g = nth(award.grants.values(), s.pick);
      if (g === undefined) return undefined;
      // From just above what is paid to past what is available: some variations are refused.
      const room = g.committed.minus(g.paid).plus(headroomOf(award));
      const newAmount = money(g.paid.toPennies() + share(room, s.pct) - 1n);
      return { type: 'VaryGrantCommitment', awardId, grantId: g.grantId, newAmount, effectiveOn: AWARDED_ON, reason: 'generated' };
    }
    case 'pay': {
      const g = nth(award.grants.values(), s.pick);
      if (g === undefined) return undefined;
      const amount = money(share(g.committed.minus(g.paid), s.pct));
      const paidOn = `${from(s.monthOffset)}-28`;
      const ids = { grantId: g.grantId, disbursementId: `d-${n}`, reference: `P-${n}` };
      return { type: 'PayDisbursement', awardId, ...ids, amount, paidOn };
    }
    case 'reverse': {
      const d = nth([...award.disbursements.values()].filter((x) => !x.reversed), s.pick);
      if (d === undefined) return undefined;
      return { type: 'ReverseDisbursement', awardId, disbursementId: d.disbursementId, reversedOn: d.paidOn, reason: 'generated' };
    }
    case 'varyAward': {
      const newWindowEnd = s.later > 0 ? { newWindowEnd: addMonths(award.window.end, s.later) } : {};
      const newAmount = money(share(award.amount, s.pct));
      const variation = { effectiveOn: AWARDED_ON, reason: 'generated', reference: `VAR-${n}` };
      return { type: 'VaryAward', awardId, newAmount, ...newWindowEnd, ...variation };
    }
    case 'extend': {
      const c = nth(award.contributions.keys(), s.pick);
      if (c === undefined) return undefined;
      const newEnd = addMonths(months[months.length - 1], s.by);
      return { type: 'ExtendProvision', awardId, newEnd, decidedOn: AWARDED_ON, reason: 'generated', fundedBy: [c] };
    }
    case 'profile': {
      const cost = (i: number): string => Money.fromPennies(BigInt(s.costs[i % s.costs.length])).toString();
      const profile = Object.fromEntries(months.map((m, i) => [m, cost(i)]));
      return { type: 'SetSpendProfile', awardId, setOn: AWARDED_ON, months: profile };
    }
    case 'decision': {
      const declared = {
        awardAmount: money(share(award.amount, s.pct)),
        matchTotal: declaredTotal(matchFundingTotal(award)),
        grantsTotal: declaredTotal(committedTotal(award)),
      };
      return { type: 'RecordDecision', awardId, decisionRef: `D-${n}`, decidedOn: '2021-07-31', declared };
    }
    default: {
      const unhandled: never = s;
      throw new Error(`unhandled step ${JSON.stringify(unhandled)}`);
    }
  }
};

/** The award stream a seed produces, as RecordedEvents (positions from 1, one second apart). */
export const awardHistory = (seed: HistorySeed): RecordedEvent[] => {
  const recorder = fixtureRecorder({ rejections: 'skip' });
  const start = monthsInRange('2021-01', '2021-12')[seed.startMonth];
  recorder.record({
    commandId: 'make',
    type: 'MakeAward',
    awardId: GENERATED_AWARD_ID,
    funder: org('home-office'),
    recipient: org('opcc-g'),
    amount: money(BigInt(seed.pennies)),
    awardedOn: AWARDED_ON,
    window: { start, end: addMonths(start, seed.length - 1) },
    decisionRef: 'HO-1',
    description: 'generated',
  });
  seed.steps.forEach((s, n) => {
    const state = recorder.awardState(GENERATED_AWARD_ID);
    if (state.status === 'not-made') return;
    const command = commandFor(s, state, n);
    if (command !== undefined) recorder.record({ commandId: `cmd-${n}`, ...command });
  });
  return [...recorder.events];
};
