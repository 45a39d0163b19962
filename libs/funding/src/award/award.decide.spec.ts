import { deciderSpecification } from '@fundledger/testing';
import * as build from '../funding.test-builders';
import { awardDeciderForSpecs } from '../funding.test-builders';
import type { AwardCommand, AwardCommandType } from './award.commands';
import { decideAward } from './award.decide';
import { evolveAward, initialAwardState } from './award.state';

const spec = deciderSpecification(awardDeciderForSpecs);

/** One example of every command but MakeAward; keyed by type so that a new command cannot be left out. */
const examples: Record<Exclude<AwardCommandType, 'MakeAward'>, AwardCommand> = {
  VaryAward: build.varyAward({ newAmount: '1.00' }),
  PledgeMatchFunding: build.pledgeMatchFunding('1.00'),
  ReceiveMatchFunding: build.receiveMatchFunding('1.00'),
  WithdrawMatchFunding: build.withdrawMatchFunding('1.00'),
  CommitGrant: build.commitGrant('1.00'),
  VaryGrantCommitment: build.varyGrantCommitment('1.00'),
  PayDisbursement: build.payDisbursement('1.00'),
  ReverseDisbursement: build.reverseDisbursement(),
  ExtendProvision: build.extendProvision('2022-10'),
  SetSpendProfile: build.setSpendProfile({ '2021-10': '1.00' }),
  RecordDecision: build.recordDecision(),
  CertifyBudget: {
    type: 'CertifyBudget',
    awardId: build.AWARD_ID,
    basis: 'b',
    regulationsComplied: true,
    officer: { id: 'cfo', name: 'Chief Finance Officer' },
    certifiedOn: '2021-08-02',
    decisionRef: '2021-7335',
    acknowledged: [],
  },
  SubmitReturn: { type: 'SubmitReturn', awardId: build.AWARD_ID, financialYear: '2021-22', quarter: 3, submittedOn: '2022-01-10' },
  CloseAward: build.closeAward(),
};
const onAnExistingAward = Object.entries(examples);

describe('the award decider', () => {
  describe('on an award that was never made', () => {
    it.each(onAnExistingAward)('answers %s with AWARD_NOT_FOUND', (_, command) =>
      spec.given([]).when(command).thenThrows('AWARD_NOT_FOUND', 'award award-1 has not been made', {
        kind: 'not-found',
        details: { awardId: 'award-1' },
      }));
  });

  it.each(onAnExistingAward)('has an example of %s that is that command', (type, command) =>
    expect(command.type).toBe(type));

  it('refuses to decide on the state of another award, a wiring fault rather than a domain outcome', () => {
    const other = evolveAward(initialAwardState, build.awardMade('100.00', { awardId: 'award-2' }));
    expect(() => decideAward(other, build.commitGrant('1.00'), { today: build.TODAY })).toThrow(
      'state of award award-2 given for a command on award award-1',
    );
  });
});
