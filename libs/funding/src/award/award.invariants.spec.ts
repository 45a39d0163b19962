import { Money } from '@fundledger/money';
import fc from 'fast-check';
import { isFundingError } from '../errors/funding.errors';
import * as build from '../funding.test-builders';
import type { AwardCommand } from './award.commands';
import { decideAward } from './award.decide';
import { availableFunding, committedTotal, netPledged } from './award.figures';
import { evolveAward, initialAwardState, type Award, type AwardState } from './award.state';

/**
 * Whatever sequence of commands is tried, what the decider accepts keeps the books of DESIGN §4:
 * committed ≤ available; per grant 0 ≤ paid ≤ committed; per contribution received ≤ pledged − withdrawn.
 * Small id pools make duplicates, unknown ids, reversals and exhausted pledges frequent.
 */
const pennies = (max: number) => fc.integer({ min: 1, max }).map((p) => Money.fromPennies(BigInt(p)).toString());
const contributionId = fc.constantFrom('m-1', 'm-2', 'm-3');
const grantId = fc.constantFrom('g-1', 'g-2', 'g-3');
const disbursementId = fc.constantFrom('d-1', 'd-2', 'd-3', 'd-4', 'd-5');

const command: fc.Arbitrary<AwardCommand> = fc.oneof(
  pennies(20000).map((newAmount) => build.varyAward({ newAmount })),
  fc.tuple(pennies(8000), contributionId).map(([a, id]) => build.pledgeMatchFunding(a, { contributionId: id })),
  fc.tuple(pennies(5000), contributionId).map(([a, id]) => build.receiveMatchFunding(a, { contributionId: id })),
  fc.tuple(pennies(5000), contributionId).map(([a, id]) => build.withdrawMatchFunding(a, { contributionId: id })),
  fc.tuple(pennies(15000), grantId).map(([a, id]) => build.commitGrant(a, { grantId: id })),
  fc.tuple(fc.integer({ min: 0, max: 15000 }), grantId).map(([p, id]) =>
    build.varyGrantCommitment(Money.fromPennies(BigInt(p)).toString(), { grantId: id }),
  ),
  fc.tuple(pennies(8000), grantId, disbursementId).map(([a, g, d]) =>
    build.payDisbursement(a, { grantId: g, disbursementId: d }),
  ),
  disbursementId.map((id) => build.reverseDisbursement({ disbursementId: id })),
);

const checkBooks = (award: Award): void => {
  const committed = committedTotal(award);
  const available = availableFunding(award);
  if (committed.greaterThan(available)) throw new Error(`committed ${committed} > available ${available}`);
  for (const grant of award.grants.values()) {
    if (grant.paid.isNegative() || grant.paid.greaterThan(grant.committed)) {
      throw new Error(`grant ${grant.grantId}: paid ${grant.paid} against ${grant.committed} committed`);
    }
  }
  for (const c of award.contributions.values()) {
    if (c.withdrawn.isNegative() || c.received.isNegative() || c.received.greaterThan(netPledged(c))) {
      throw new Error(`contribution ${c.contributionId}: ${c.received} received of ${c.pledged} − ${c.withdrawn}`);
    }
  }
};

const FIXED_SCALE = /^\d+\.\d{2}$/;

describe('the award decider, for any sequence of commands', () => {
  it('accepts only what keeps the books balanced, and refuses the rest with a domain error', () =>
    fc.assert(
      fc.property(pennies(20000), fc.array(command, { maxLength: 40 }), (amount, commands) => {
        let state: AwardState = evolveAward(initialAwardState, build.awardMade(amount));
        for (const next of commands) {
          let events;
          try {
            events = decideAward(state, next, { today: build.TODAY });
          } catch (error) {
            if (isFundingError(error)) continue;
            throw error;
          }
          for (const event of events) {
            for (const value of Object.values(event.data)) {
              // Money is stored as fixed 2-dp strings; no other field of these events looks like a number.
              if (typeof value === 'string' && /^\d/.test(value) && !value.includes('-')) {
                expect(value).toMatch(FIXED_SCALE);
              }
            }
            state = evolveAward(state, event);
          }
          checkBooks(state as Award);
        }
      }),
      { numRuns: 300 },
    ));
});
