import { deciderSpecification } from '@fundledger/testing';
import {
  AWARD_ID,
  awardMade,
  decisionRecorded,
  disbursementPaid,
  grantCommitted,
  payDisbursement,
  reverseDisbursement,
  awardDeciderForSpecs,
} from '../funding.test-builders';
import type { CertifyBudget } from './award.commands';
import type { AwardDecisionContext } from './award.decide';
import { type DutiesRecorded, NO_DUTIES_RECORDED, recordDuty } from './separation-of-duties';

const spec = deciderSpecification(awardDeciderForSpecs);

const certifyBudget: CertifyBudget = {
  type: 'CertifyBudget',
  awardId: AWARD_ID,
  basis: 'b',
  regulationsComplied: true,
  officer: { id: 'cfo', name: 'Chief Finance Officer' },
  certifiedOn: '2021-12-10',
  decisionRef: '2021-7335',
  acknowledged: [],
};

const certification = { figures: {}, figuresHash: 'a'.repeat(64), atRevision: 3, shortfall: { planned: '0.00', firstMonth: null } };
const acting = (actor: string, recorded: Partial<DutiesRecorded>): Partial<AwardDecisionContext> => ({
  certification,
  duties: { actor, recorded: { ...NO_DUTIES_RECORDED, ...recorded } },
});

const paid = [awardMade('100000.00'), grantCommitted('60000.00'), disbursementPaid('1000.00'), decisionRecorded()];

describe('separation of duties on one award', () => {
  describe('when alice recorded a disbursement', () => {
    it('refuses to let alice certify the budget', () =>
      spec
        .given(paid)
        .when(certifyBudget, acting('alice', { paidBy: ['alice'] }))
        .thenThrows(
          'DUTIES_NOT_SEPARATED',
          `alice recorded disbursements on award ${AWARD_ID}, so may not also certify its budget: another officer must`,
          { details: expect.objectContaining({ actor: 'alice', command: 'CertifyBudget' }) },
        ));

    it('lets bob certify it', () =>
      spec.given(paid).when(certifyBudget, acting('bob', { paidBy: ['alice'] })).then([expect.objectContaining({ type: 'BudgetCertified' })]));
  });

  describe('when carol certified the budget', () => {
    it('refuses to let carol record a disbursement', () =>
      spec
        .given([awardMade('100000.00'), grantCommitted('60000.00')])
        .when(payDisbursement('500.00', { disbursementId: 'd-2' }), acting('carol', { certifiedBy: ['carol'] }))
        .thenThrows('DUTIES_NOT_SEPARATED', /^carol certified the budget on award .*, so may not also record its disbursements/));

    it('refuses to let carol reverse one either', () =>
      spec.given(paid).when(reverseDisbursement(), acting('carol', { certifiedBy: ['carol'] })).thenThrows('DUTIES_NOT_SEPARATED'));

    it('lets alice record one', () =>
      spec
        .given([awardMade('100000.00'), grantCommitted('60000.00')])
        .when(payDisbursement('500.00'), acting('alice', { certifiedBy: ['carol'] }))
        .then([expect.objectContaining({ type: 'DisbursementPaid' })]));
  });

  describe('the duties recorded, folded from event types and their metadata actor', () => {
    it('names each subject once per duty and ignores other events', () => {
      const folded = [
        ['DisbursementPaid', 'alice'],
        ['DisbursementPaid', 'alice'],
        ['DisbursementReversed', 'dave'],
        ['GrantCommitted', 'erin'],
        ['BudgetCertified', 'carol'],
        ['BudgetCertified', undefined],
      ].reduce((duties, [type, actor]) => recordDuty(duties, type as string, actor), NO_DUTIES_RECORDED);
      expect(folded).toEqual({ paidBy: ['alice', 'dave'], certifiedBy: ['carol'] });
    });
  });
});
