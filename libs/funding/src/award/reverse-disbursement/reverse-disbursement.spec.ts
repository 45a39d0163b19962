import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  disbursementPaid,
  disbursementReversed,
  grantCommitted,
  reverseDisbursement, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseReverseDisbursement } from './reverse-disbursement.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('ReverseDisbursement', () => {
  it('records the reversal of a payment', () =>
    spec
      .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('20.00')])
      .when(reverseDisbursement())
      .then([disbursementReversed()]));

  it('refuses to reverse the same payment twice', () =>
    spec
      .given([awardMade('100.00'), grantCommitted('60.00'), disbursementPaid('20.00'), disbursementReversed()])
      .when(reverseDisbursement())
      .thenThrows(
        'DISBURSEMENT_ALREADY_REVERSED',
        'disbursement d-1 (£20.00 to grant g-harbour on 2021-12-01) was already reversed',
      ));

  it('answers that a disbursement never paid is unknown', () =>
    spec
      .given([awardMade('100.00'), grantCommitted('60.00')])
      .when(reverseDisbursement())
      .thenThrows('UNKNOWN_DISBURSEMENT', 'no disbursement d-1 was paid from award award-1', { kind: 'not-found' }));

  it('refuses a body with fields a reversal does not have', () =>
    expect(() => parseReverseDisbursement({ awardId: 'a', disbursementId: 'd-1', reason: 'x', amount: '1.00' })).toThrow(
      'invalid ReverseDisbursement: amount: unknown field',
    ));
});
