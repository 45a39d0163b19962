import { deciderSpecification } from '@fundledger/testing';
import * as build from '../../funding.test-builders';
import { awardDeciderForSpecs } from '../../funding.test-builders';
import {
  awardClosed,
  awardMade,
  closeAward,
  disbursementPaid,
  grantCommitted,
  matchFundingPledged,
} from '../../funding.test-builders';
import type { AwardCommand } from '../award.commands';
import { parseCloseAward } from './close-award.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('CloseAward', () => {
  describe('returning an underspend', () => {
    it('records the closure with nothing to return', () =>
      spec.given([awardMade('100.00')]).when(closeAward('0.00')).then([awardClosed('0.00')]));

    it('may return everything left unpaid when that is within the award', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), grantCommitted('80.00'), disbursementPaid('70.00')])
        .when(closeAward('80.00'))
        .then([awardClosed('80.00')]));

    it('refuses to return more than is unpaid, with the figures', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), grantCommitted('80.00'), disbursementPaid('70.00')])
        .when(closeAward('80.01'))
        .thenThrows(
          'UNDERSPEND_EXCEEDS_UNSPENT',
          'returning £80.01 exceeds the £80.00 unspent (£150.00 available less £70.00 paid)',
        ));

    it('refuses to return more than the funder awarded: match funding is not the funder’s', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(closeAward('100.01'))
        .thenThrows('UNDERSPEND_EXCEEDS_UNSPENT', "returning £100.01 exceeds the funder's award of £100.00"));
  });

  describe('once closed', () => {
    const closed = [
      awardMade('100.00'),
      matchFundingPledged('50.00'),
      grantCommitted('60.00'),
      disbursementPaid('10.00'),
      awardClosed(),
    ];

    const financial: ReadonlyArray<[string, AwardCommand]> = [
      ['VaryAward', build.varyAward({ newAmount: '120.00' })],
      ['PledgeMatchFunding', build.pledgeMatchFunding('1.00', { contributionId: 'm-2' })],
      ['ReceiveMatchFunding', build.receiveMatchFunding('1.00')],
      ['WithdrawMatchFunding', build.withdrawMatchFunding('1.00')],
      ['CommitGrant', build.commitGrant('1.00', { grantId: 'g-2' })],
      ['VaryGrantCommitment', build.varyGrantCommitment('50.00')],
      ['PayDisbursement', build.payDisbursement('1.00', { disbursementId: 'd-2' })],
      ['ReverseDisbursement', build.reverseDisbursement()],
      ['ExtendProvision', build.extendProvision('2022-10')],
      ['SetSpendProfile', build.setSpendProfile({ '2021-10': '1.00' })],
      ['CloseAward', closeAward()],
    ];

    it.each(financial)('refuses %s: nothing financial after closure', (_, command) =>
      spec
        .given(closed)
        .when(command)
        .thenThrows('AWARD_CLOSED', 'award award-1 was closed on 2022-11-30; nothing financial can be recorded after closure'));
  });

  describe('parsing a raw body', () => {
    it('reads a zero underspend', () => {
      const command = parseCloseAward({ awardId: 'a', closedOn: '2022-11-30', underspendReturned: '0.00' });
      expect(command.underspendReturned.isZero()).toBe(true);
    });

    it('names a missing closing date', () =>
      expect(() => parseCloseAward({ awardId: 'a', underspendReturned: '0.00' })).toThrow('invalid CloseAward: closedOn: required'));
  });
});
