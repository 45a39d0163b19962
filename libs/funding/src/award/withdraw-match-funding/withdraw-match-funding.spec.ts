import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  grantCommitted,
  matchFundingPledged,
  matchFundingReceived,
  matchFundingWithdrawn,
  withdrawMatchFunding, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseWithdrawMatchFunding } from './withdraw-match-funding.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('WithdrawMatchFunding', () => {
  describe('what is pledged and not yet received', () => {
    it('records the withdrawal, all of it if need be', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), matchFundingReceived('20.00')])
        .when(withdrawMatchFunding('30.00'))
        .then([matchFundingWithdrawn('30.00')]));
  });

  describe('more than is pledged and not yet received', () => {
    it('refuses the withdrawal, with the figures', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), matchFundingReceived('20.00')])
        .when(withdrawMatchFunding('30.01'))
        .thenThrows(
          'WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE',
          'withdrawing £30.01 from contribution m-opcc exceeds the £30.00 pledged and not yet received',
        ));

    it('counts earlier withdrawals', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), matchFundingWithdrawn('45.00')])
        .when(withdrawMatchFunding('5.01'))
        .thenThrows('WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE', /exceeds the £5.00 pledged and not yet received$/));
  });

  describe('when commitments rely on the money', () => {
    it('records a withdrawal that leaves commitments exactly funded', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), grantCommitted('120.00')])
        .when(withdrawMatchFunding('30.00'))
        .then([matchFundingWithdrawn('30.00')]));

    it('refuses one that would leave them unfunded, with the figures', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), grantCommitted('120.00')])
        .when(withdrawMatchFunding('30.01'))
        .thenThrows(
          'WITHDRAWAL_LEAVES_COMMITMENTS_UNFUNDED',
          'withdrawing £30.01 from contribution m-opcc would reduce available funding to £119.99 against £120.00 committed',
          { details: { amount: '30.01', availableAfter: '119.99', committed: '120.00' } },
        ));
  });

  describe('from a contribution never pledged', () => {
    it('answers that the contribution is unknown', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(withdrawMatchFunding('1.00', { contributionId: 'm-other' }))
        .thenThrows('UNKNOWN_CONTRIBUTION', 'no contribution m-other is pledged to award award-1'));
  });

  describe('parsing a raw body', () => {
    it('requires a reason', () =>
      expect(() => parseWithdrawMatchFunding({ awardId: 'a', contributionId: 'm', amount: '1.00', withdrawnOn: '2021-12-15', reason: '  ' })).toThrow(
        'invalid WithdrawMatchFunding: reason: must not be blank',
      ));
  });
});
