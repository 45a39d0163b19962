import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  disbursementPaid,
  disbursementReversed,
  grantCommitted,
  payDisbursement, awardDeciderForSpecs } from '../../funding.test-builders';
import { parsePayDisbursement } from './pay-disbursement.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('PayDisbursement', () => {
  describe('within the commitment', () => {
    it('records the payment, up to the whole commitment', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('20.00')])
        .when(payDisbursement('40.00', { disbursementId: 'd-2' }))
        .then([disbursementPaid('40.00', { disbursementId: 'd-2' })]));

    it('counts payments net of reversals', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('60.00'), disbursementReversed()])
        .when(payDisbursement('60.00', { disbursementId: 'd-2' }))
        .then([disbursementPaid('60.00', { disbursementId: 'd-2' })]));
  });

  describe('beyond the commitment', () => {
    it('refuses the payment, with the figures', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('20.00')])
        .when(payDisbursement('40.01', { disbursementId: 'd-2' }))
        .thenThrows(
          'PAYMENT_EXCEEDS_COMMITMENT',
          'paying £40.01 to grant g-harbour would take payments to £60.01 against £60.00 committed',
          { details: { amount: '40.01', paidAfter: '60.01', committed: '60.00' } },
        ));
  });

  describe('ids', () => {
    it('refuses a disbursement id already used on the award, even for another grant', () =>
      spec
        .given([
          awardMade('100.00'),
          grantCommitted('50.00'),
          grantCommitted('50.00', { grantId: 'g-2' }),
          disbursementPaid('10.00'),
        ])
        .when(payDisbursement('10.00', { grantId: 'g-2' }))
        .thenThrows('DUPLICATE_DISBURSEMENT_ID', 'disbursement d-1 is already recorded on award award-1', {
          kind: 'already-exists',
        }));

    it('answers that a grant never committed is unknown', () =>
      spec.given([awardMade('100.00')]).when(payDisbursement('10.00')).thenThrows('UNKNOWN_GRANT'));
  });

  describe('parsing a raw body', () => {
    it('refuses a date that does not exist', () =>
      expect(() =>
        parsePayDisbursement({
          awardId: 'a',
          grantId: 'g',
          disbursementId: 'd',
          amount: '10.00',
          paidOn: '2023-02-29',
          reference: 'BACS 1',
        }),
      ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'paidOn' })] })));
  });
});
