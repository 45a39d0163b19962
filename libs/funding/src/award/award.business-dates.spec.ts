import { deciderSpecification } from '@fundledger/testing';
import * as build from '../funding.test-builders';
import { programmeDeciderForSpecs } from '../funding.test-builders';

const spec = deciderSpecification(build.awardDeciderForSpecs);
const programmes = deciderSpecification(programmeDeciderForSpecs);

/** DESIGN §4 dates: each rule refuses with both dates named, and records nothing. */
describe('business dates', () => {
  const made = build.awardMade('100000.00'); // awarded 2021-07-01
  const pledged = build.matchFundingPledged('20000.00'); // pledged 2021-07-31
  const committed = build.grantCommitted('60000.00'); // committed 2021-08-01
  const paid = build.disbursementPaid('1000.00'); // paid 2021-12-01
  const certificate = {
    basis: 'b' as const,
    regulationsComplied: true,
    officer: { id: 'cfo', name: 'Chief Finance Officer' },
    decisionRef: '2021-7335',
    acknowledged: [] as const,
  };

  describe('no business date after today (UK time)', () => {
    it('records a payment dated today', () =>
      spec
        .given([made, committed])
        .when(build.payDisbursement('10.00', { paidOn: '2022-01-10' }), { today: '2022-01-10' })
        .then([build.disbursementPaid('10.00', { paidOn: '2022-01-10' })]));

    it('refuses a payment dated tomorrow, naming both dates', () =>
      spec
        .given([made, committed])
        .when(build.payDisbursement('10.00', { paidOn: '2022-01-11' }), { today: '2022-01-10' })
        .thenThrows(
          'BUSINESS_DATE_IN_FUTURE',
          'paidOn 2022-01-11 is after today, 2022-01-10 (UK time): only what has happened can be recorded',
          { kind: 'ledger-rule', details: { paidOn: '2022-01-11', today: '2022-01-10' } },
        ));

    it('refuses an award made in the future', () =>
      spec
        .given([])
        .when(build.makeAward('100.00', { awardedOn: '2030-01-01' }))
        .thenThrows('BUSINESS_DATE_IN_FUTURE', /^awardedOn 2030-01-01 is after today, 2024-06-30/));

    it('refuses a programme opened in the future, and opens one opened today', () => {
      programmes
        .given([])
        .when(build.openProgramme({ openedOn: '2024-07-01' }))
        .thenThrows('BUSINESS_DATE_IN_FUTURE', /^openedOn 2024-07-01 is after today, 2024-06-30/);
      programmes
        .given([])
        .when(build.openProgramme({ openedOn: build.TODAY }))
        .then([build.programmeOpened({ openedOn: build.TODAY })]);
    });
  });

  describe('a commitment not before its award', () => {
    it('commits on the day of the award', () =>
      spec
        .given([made])
        .when(build.commitGrant('10.00', { committedOn: '2021-07-01' }))
        .then([build.grantCommitted('10.00', { committedOn: '2021-07-01' })]));

    it('refuses a commitment dated before the award', () =>
      spec
        .given([made])
        .when(build.commitGrant('10.00', { committedOn: '2021-06-30' }))
        .thenThrows(
          'COMMITMENT_BEFORE_AWARD',
          'grant g-harbour is dated 2021-06-30 (committedOn), before award award-1 was made on 2021-07-01 (awardedOn)',
          { details: { committedOn: '2021-06-30', awardedOn: '2021-07-01' } },
        ));
  });

  describe('a payment not before its commitment', () => {
    it('pays on the day of the commitment', () =>
      spec
        .given([made, committed])
        .when(build.payDisbursement('10.00', { paidOn: '2021-08-01' }))
        .then([build.disbursementPaid('10.00', { paidOn: '2021-08-01' })]));

    it('refuses a payment dated before its commitment, as the 2019 payment was', () =>
      spec
        .given([made, committed])
        .when(build.payDisbursement('10.00', { paidOn: '2019-01-01' }))
        .thenThrows(
          'PAYMENT_BEFORE_COMMITMENT',
          'payment d-1 is dated 2019-01-01 (paidOn), before grant g-harbour was committed on 2021-08-01 (committedOn)',
          { details: { paidOn: '2019-01-01', committedOn: '2021-08-01' } },
        ));

    it('accepts a payment outside the provision months (a late invoice); the reports flag it', () =>
      spec
        .given([made, committed])
        .when(build.payDisbursement('10.00', { paidOn: '2022-09-15' }))
        .then([build.disbursementPaid('10.00', { paidOn: '2022-09-15' })]));
  });

  describe('a reversal not before its payment', () => {
    it('reverses on the day of the payment', () =>
      spec
        .given([made, committed, paid])
        .when(build.reverseDisbursement({ reversedOn: '2021-12-01' }))
        .then([build.disbursementReversed({ reversedOn: '2021-12-01' })]));

    it('refuses a reversal dated before the payment', () =>
      spec
        .given([made, committed, paid])
        .when(build.reverseDisbursement({ reversedOn: '2021-11-30' }))
        .thenThrows(
          'REVERSAL_BEFORE_PAYMENT',
          'the reversal of payment d-1 is dated 2021-11-30 (reversedOn), before it was paid on 2021-12-01 (paidOn)',
          { details: { reversedOn: '2021-11-30', paidOn: '2021-12-01' } },
        ));
  });

  describe('a receipt or withdrawal not before its pledge', () => {
    it('receives on the day of the pledge', () =>
      spec
        .given([made, pledged])
        .when(build.receiveMatchFunding('10.00', { receivedOn: '2021-07-31' }))
        .then([build.matchFundingReceived('10.00', { receivedOn: '2021-07-31' })]));

    it('refuses a receipt dated before the pledge', () =>
      spec
        .given([made, pledged])
        .when(build.receiveMatchFunding('10.00', { receivedOn: '2021-07-30' }))
        .thenThrows(
          'RECEIPT_BEFORE_PLEDGE',
          'the receipt from contribution m-opcc is dated 2021-07-30 (receivedOn), before contribution m-opcc was pledged on 2021-07-31 (pledgedOn)',
          { details: { receivedOn: '2021-07-30', pledgedOn: '2021-07-31' } },
        ));

    it('withdraws on the day of the pledge', () =>
      spec
        .given([made, pledged])
        .when(build.withdrawMatchFunding('10.00', { withdrawnOn: '2021-07-31' }))
        .then([build.matchFundingWithdrawn('10.00', { withdrawnOn: '2021-07-31' })]));

    it('refuses a withdrawal dated before the pledge', () =>
      spec
        .given([made, pledged])
        .when(build.withdrawMatchFunding('10.00', { withdrawnOn: '2021-07-01' }))
        .thenThrows('WITHDRAWAL_BEFORE_PLEDGE', /dated 2021-07-01 \(withdrawnOn\), before contribution m-opcc was pledged on 2021-07-31/, {
          details: { withdrawnOn: '2021-07-01', pledgedOn: '2021-07-31' },
        }));
  });

  describe('a variation not before what it varies', () => {
    it('varies the award on the day it was made', () =>
      spec
        .given([made])
        .when(build.varyAward({ newAmount: '90000.00' }, { effectiveOn: '2021-07-01' }))
        .then([build.awardVaried({ newAmount: '90000.00', effectiveOn: '2021-07-01' })]));

    it('refuses an award variation effective before the award', () =>
      spec
        .given([made])
        .when(build.varyAward({ newAmount: '90000.00' }, { effectiveOn: '2021-06-01' }))
        .thenThrows('VARIATION_BEFORE_AWARD', /^the variation is dated 2021-06-01 \(effectiveOn\), before award award-1 was made/, {
          details: { effectiveOn: '2021-06-01', awardedOn: '2021-07-01' },
        }));

    it('varies a commitment on the day it was committed', () =>
      spec
        .given([made, committed])
        .when(build.varyGrantCommitment('50000.00', { effectiveOn: '2021-08-01' }))
        .then([build.grantCommitmentVaried('50000.00', { effectiveOn: '2021-08-01' })]));

    it('refuses a commitment variation effective before the commitment', () =>
      spec
        .given([made, committed])
        .when(build.varyGrantCommitment('50000.00', { effectiveOn: '2021-07-15' }))
        .thenThrows('VARIATION_BEFORE_COMMITMENT', /before grant g-harbour was committed on 2021-08-01/, {
          details: { effectiveOn: '2021-07-15', committedOn: '2021-08-01' },
        }));
  });

  describe('a certificate not before its decision', () => {
    const shortfall = { planned: '0.00', firstMonth: null };
    const context = { certification: { figures: {}, figuresHash: 'a'.repeat(64), atRevision: 1, shortfall } };
    const certify = (certifiedOn: string) =>
      ({ type: 'CertifyBudget', awardId: build.AWARD_ID, certifiedOn, ...certificate }) as const;

    it('certifies on the day of the decision', () =>
      spec
        .given([made, build.decisionRecorded()])
        .when(certify('2021-07-31'), context)
        .then([
          {
            type: 'BudgetCertified',
            data: {
              awardId: build.AWARD_ID,
              basis: 'b',
              regulationsComplied: true,
              officer: certificate.officer,
              certifiedOn: '2021-07-31',
              decisionRef: '2021-7335',
              figures: {},
              figuresHash: 'a'.repeat(64),
              atRevision: 1,
            },
          },
        ]));

    it('refuses a certificate dated before the decision it certifies', () =>
      spec
        .given([made, build.decisionRecorded()])
        .when(certify('2021-07-30'), context)
        .thenThrows(
          'CERTIFICATE_BEFORE_DECISION',
          'the certificate of decision 2021-7335 is dated 2021-07-30 (certifiedOn), before the decision was taken on 2021-07-31 (decidedOn)',
          { details: { certifiedOn: '2021-07-30', decidedOn: '2021-07-31' } },
        ));
  });

  describe('an extension not before the award', () => {
    it('extends on the day of the award', () =>
      spec
        .given([made, pledged])
        .when(build.extendProvision('2022-10', { decidedOn: '2021-07-01' }))
        .then([build.provisionExtended('2022-10', { decidedOn: '2021-07-01' })]));

    it('refuses an extension decided before the award', () =>
      spec
        .given([made, pledged])
        .when(build.extendProvision('2022-10', { decidedOn: '2021-05-01' }))
        .thenThrows('EXTENSION_BEFORE_AWARD', /^the extension is dated 2021-05-01 \(decidedOn\), before award award-1 was made on 2021-07-01/, {
          details: { decidedOn: '2021-05-01', awardedOn: '2021-07-01' },
        }));
  });
});
