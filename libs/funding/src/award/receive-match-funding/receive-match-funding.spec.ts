import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  matchFundingPledged,
  matchFundingReceived,
  matchFundingWithdrawn,
  receiveMatchFunding, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseReceiveMatchFunding } from './receive-match-funding.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

// 50.00 pledged, 10.00 withdrawn, 25.00 received: 15.00 still to come.
const partlyReceived = [
  awardMade('100.00'),
  matchFundingPledged('50.00'),
  matchFundingWithdrawn('10.00'),
  matchFundingReceived('25.00'),
];

describe('ReceiveMatchFunding', () => {
  describe('within what is pledged net of withdrawals', () => {
    it('records the receipt', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(receiveMatchFunding('20.00'))
        .then([matchFundingReceived('20.00')]));

    it('may receive the rest in instalments up to the penny', () =>
      spec
        .given(partlyReceived)
        .when(receiveMatchFunding('15.00'))
        .then([matchFundingReceived('15.00')]));
  });

  describe('beyond what is pledged net of withdrawals', () => {
    it('refuses the receipt, with the figures', () =>
      spec
        .given(partlyReceived)
        .when(receiveMatchFunding('15.01'))
        .thenThrows(
          'RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE',
          'receiving £15.01 from contribution m-opcc would take receipts to £40.01 against £40.00 pledged net of withdrawals',
          { details: { amount: '15.01', receivedAfter: '40.01', netPledged: '40.00' } },
        ));
  });

  describe('from a contribution never pledged', () => {
    it('answers that the contribution is unknown', () =>
      spec
        .given([awardMade('100.00')])
        .when(receiveMatchFunding('1.00'))
        .thenThrows('UNKNOWN_CONTRIBUTION', 'no contribution m-opcc is pledged to award award-1', { kind: 'not-found' }));
  });

  describe('parsing a raw body', () => {
    it('reads the amount and date', () => {
      const command = parseReceiveMatchFunding({
        awardId: 'a',
        contributionId: 'm-opcc',
        amount: '38117.00',
        receivedOn: '2021-11-15',
      });
      expect(command.amount.toString()).toBe('38117.00');
      expect(command.receivedOn).toBe('2021-11-15');
    });

    it('names the missing fields', () =>
      expect(() => parseReceiveMatchFunding({ awardId: 'a', amount: '1.00' })).toThrow(
        'invalid ReceiveMatchFunding: contributionId: required; receivedOn: required',
      ));
  });
});
