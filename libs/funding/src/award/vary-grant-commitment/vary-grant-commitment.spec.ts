import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  disbursementPaid,
  disbursementReversed,
  grantCommitmentVaried,
  grantCommitted,
  varyGrantCommitment, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseVaryGrantCommitment } from './vary-grant-commitment.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('VaryGrantCommitment', () => {
  describe('raising a commitment', () => {
    it('records a rise up to the available funding', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), grantCommitted('30.00', { grantId: 'g-2' })])
        .when(varyGrantCommitment('70.00'))
        .then([grantCommitmentVaried('70.00')]));

    it('refuses a rise beyond it, with the figures', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), grantCommitted('30.00', { grantId: 'g-2' })])
        .when(varyGrantCommitment('70.01'))
        .thenThrows(
          'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
          'varying grant g-harbour to £70.01 would take commitments to £100.01 against £100.00 available',
        ));
  });

  describe('lowering a commitment', () => {
    it('may lower it to what is already paid', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('25.00')])
        .when(varyGrantCommitment('25.00'))
        .then([grantCommitmentVaried('25.00')]));

    it('refuses to go below what is paid, with the figures', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('25.00')])
        .when(varyGrantCommitment('24.99'))
        .thenThrows(
          'COMMITMENT_BELOW_PAID',
          'varying grant g-harbour to £24.99 would leave it below the £25.00 already paid',
          { details: { newAmount: '24.99', paid: '25.00' } },
        ));

    it('may cancel an unpaid commitment by varying it to zero', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('25.00'), disbursementReversed()])
        .when(varyGrantCommitment('0.00'))
        .then([grantCommitmentVaried('0.00')]));
  });

  describe('to the amount already committed', () => {
    it('refuses a variation that changes nothing', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00')])
        .when(varyGrantCommitment('60.00'))
        .thenThrows('NOTHING_TO_VARY', 'grant g-harbour is already committed at £60.00'));
  });

  describe('of a grant never committed', () => {
    it('answers that the grant is unknown', () =>
      spec
        .given([awardMade('100.00')])
        .when(varyGrantCommitment('10.00'))
        .thenThrows('UNKNOWN_GRANT', 'no grant g-harbour is committed from award award-1', { kind: 'not-found' }));
  });

  describe('parsing a raw body', () => {
    const body = { awardId: 'a', grantId: 'g-1', newAmount: '0.00', effectiveOn: '2021-09-01', reason: 'Provider withdrew' };

    it('accepts zero, which cancels the commitment', () =>
      expect(parseVaryGrantCommitment(body).newAmount.isZero()).toBe(true));

    it('refuses a negative amount', () =>
      expect(() => parseVaryGrantCommitment({ ...body, newAmount: '-1.00' })).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ field: 'newAmount' })] }),
      ));
  });
});
