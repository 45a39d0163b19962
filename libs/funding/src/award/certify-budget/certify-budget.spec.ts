import { deciderSpecification } from '@fundledger/testing';
import {
  AWARD_ID,
  TODAY,
  awardClosed,
  awardMade,
  decisionRecorded,
  grantCommitted, awardDeciderForSpecs } from '../../funding.test-builders';
import type { CertifyBudget } from '../award.commands';
import { awardDecider, type AwardDecisionContext } from '../award.decide';
import type { BudgetCertified } from '../award.events';
import { parseCertifyBudget } from './certify-budget.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

const officer = { id: 'opccn-cfo', name: 'Chief Finance Officer (Section 151 Officer)' };

const certifyBudget = (fields: Partial<Omit<CertifyBudget, 'type'>> = {}): CertifyBudget => ({
  type: 'CertifyBudget',
  awardId: AWARD_ID,
  basis: 'b',
  regulationsComplied: true,
  officer,
  certifiedOn: '2021-08-02',
  decisionRef: '2021-7335',
  acknowledged: [],
  ...fields,
});

// The figures are the reporting's; the domain pins whatever it is given, with its hash and revision.
const pinned: NonNullable<AwardDecisionContext['certification']> = {
  figures: { awardAmount: '100000.00', committed: '60000.00', grants: { 'g-harbour': { committed: '60000.00', paid: '0.00' } } },
  figuresHash: 'a'.repeat(64),
  atRevision: 2,
  shortfall: { planned: '0.00', firstMonth: null },
};
const context: AwardDecisionContext = { today: TODAY, certification: pinned };

const budgetCertified = (data: Partial<BudgetCertified['data']> = {}): BudgetCertified => ({
  type: 'BudgetCertified',
  data: {
    awardId: AWARD_ID,
    basis: 'b',
    regulationsComplied: true,
    officer,
    certifiedOn: '2021-08-02',
    decisionRef: '2021-7335',
    figures: pinned.figures,
    figuresHash: pinned.figuresHash,
    atRevision: 2,
    ...data,
  },
});

const decided = [awardMade('100000.00'), grantCommitted('60000.00'), decisionRecorded()];

describe('CertifyBudget', () => {
  describe('of a recorded decision', () => {
    it('pins the figures, their hash and the revision they were read at', () =>
      spec.given(decided).when(certifyBudget(), context).then([budgetCertified()]));

    it.each(['a', 'b', 'c'] as const)('records basis (%s) as stated', (basis) =>
      spec.given(decided).when(certifyBudget({ basis }), context).then([budgetCertified({ basis })]));

    it('certifies again later, each certificate pinned to its own figures', () =>
      spec
        .given([...decided, budgetCertified()])
        .when(certifyBudget({ certifiedOn: '2021-09-01' }), { certification: { ...pinned, atRevision: 3 } })
        .then([budgetCertified({ certifiedOn: '2021-09-01', atRevision: 3 })]));

    it('certifies after closure, since a certificate moves no money', () =>
      spec.given([...decided, awardClosed('40000.00')]).when(certifyBudget(), context).then([budgetCertified()]));
  });

  describe('refusals', () => {
    it('refuses a certificate that does not state (d), financial regulations complied with', () =>
      spec
        .given(decided)
        .when(certifyBudget({ regulationsComplied: false }), context)
        .thenThrows(
          'REGULATIONS_NOT_COMPLIED',
          'a budget certificate must state (d) that financial regulations have been complied with; ' +
            'Chief Finance Officer (Section 151 Officer) did not state it for decision 2021-7335',
          { kind: 'ledger-rule' },
        ));

    it('refuses to certify a decision that is not recorded on the award, naming those that are', () =>
      spec
        .given(decided)
        .when(certifyBudget({ decisionRef: '21/2023' }), context)
        .thenThrows(
          'DECISION_NOT_RECORDED',
          'decision 21/2023 is not recorded on award award-1 (recorded: 2021-7335); record the decision before certifying its budget',
          { kind: 'ledger-rule', details: { decisionRef: '21/2023', recorded: ['2021-7335'] } },
        ));

    // The award's own decision reference is where the money came from, not a decision whose totals were checked.
    it('does not take the reference the award was made under for a recorded decision', () =>
      spec
        .given([awardMade('100000.00')])
        .when(certifyBudget({ decisionRef: 'HO-DAPI-2021' }), context)
        .thenThrows('DECISION_NOT_RECORDED', /\(no decision is\)/));

    it('answers that an award never made is not found', () =>
      spec.given([]).when(certifyBudget(), context).thenThrows('AWARD_NOT_FOUND'));

    it('fails loudly when the handler gave no figures to pin, a wiring fault', () =>
      expect(() => awardDecider.decide(decided.reduce(awardDecider.evolve, awardDecider.initialState), certifyBudget(), { today: TODAY })).toThrow(
        'CertifyBudget on award award-1 was decided without the figures to certify',
      ));
  });

  describe('what the officer must acknowledge', () => {
    // Cleveland's decision 2021-7335 declares grants of £296,617.00 against £295,617.00 committed.
    const mismatched = [
      awardMade('400000.00'),
      grantCommitted('295617.00'),
      decisionRecorded({ declared: { awardAmount: '400000.00', grantsTotal: '296617.00' } }),
    ];
    const short: AwardDecisionContext = { today: TODAY, certification: { ...pinned, shortfall: { planned: '15581.84', firstMonth: '2022-02' } } };

    it('refuses a certificate over a mismatched decision and a planned shortfall, listing each with its figures', () =>
      spec
        .given(mismatched)
        .when(certifyBudget(), short)
        .thenThrows(
          'ACKNOWLEDGEMENT_REQUIRED',
          'certifying decision 2021-7335 needs Chief Finance Officer (Section 151 Officer) to acknowledge ' +
            'DECISION_TOTAL_MISMATCH (grants total declared £296,617.00, ledger £295,617.00, difference £1,000.00) and ' +
            'PLANNED_SHORTFALL (£15,581.84 of the planned cost is met by no source, from 2022-02)',
          {
            kind: 'ledger-rule',
            details: {
              awardId: AWARD_ID,
              decisionRef: '2021-7335',
              missing: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'],
              'grantsTotal.declared': '296617.00',
              'grantsTotal.ledger': '295617.00',
              'grantsTotal.difference': '1000.00',
              plannedShortfall: '15581.84',
              firstShortfallMonth: '2022-02',
            },
          },
        ));

    it('refuses when only one of the two is acknowledged, naming the other', () =>
      spec
        .given(mismatched)
        .when(certifyBudget({ acknowledged: ['PLANNED_SHORTFALL'] }), short)
        .thenThrows('ACKNOWLEDGEMENT_REQUIRED', /acknowledge DECISION_TOTAL_MISMATCH \(grants total declared £296,617\.00.*\)$/, {
          kind: 'ledger-rule',
          details: expect.objectContaining({ missing: ['DECISION_TOTAL_MISMATCH'] }),
        }));

    it('certifies once both are acknowledged, recording the acknowledgements', () =>
      spec
        .given(mismatched)
        .when(certifyBudget({ acknowledged: ['PLANNED_SHORTFALL', 'DECISION_TOTAL_MISMATCH'] }), short)
        .then([budgetCertified({ acknowledged: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'] })]));

    it('refuses an acknowledgement of something that is not so, which would be a false statement', () =>
      spec
        .given(decided)
        .when(certifyBudget({ acknowledged: ['PLANNED_SHORTFALL'] }), context)
        .thenThrows('ACKNOWLEDGEMENT_NOT_APPLICABLE', 'decision 2021-7335 has no PLANNED_SHORTFALL to acknowledge; remove it from acknowledged', {
          kind: 'ledger-rule',
        }));

    it('compares the declared totals with the ledger at certification, not when the decision was recorded', () =>
      spec
        .given([...mismatched, grantCommitted('1000.00', { grantId: 'g-late' })])
        .when(certifyBudget(), context)
        .then([budgetCertified()]));
  });

  describe('parsing a raw body', () => {
    const norfolk = {
      awardId: 'norfolk-change-2023',
      basis: 'b',
      regulationsComplied: true,
      officer: { id: 'opccn-cfo', name: 'Chief Finance Officer (Section 151 Officer)' },
      certifiedOn: '2023-07-31',
      decisionRef: '21/2023',
    };

    it('reads the Norfolk fixture entry, with nothing acknowledged', () =>
      expect(parseCertifyBudget(norfolk)).toEqual({ type: 'CertifyBudget', ...norfolk, acknowledged: [] }));

    it('reads acknowledgements', () =>
      expect(parseCertifyBudget({ ...norfolk, acknowledged: ['PLANNED_SHORTFALL'] }).acknowledged).toEqual(['PLANNED_SHORTFALL']));

    it.each([[['SHORTFALL']], [['PLANNED_SHORTFALL', 'PLANNED_SHORTFALL']], ['PLANNED_SHORTFALL']])('refuses acknowledged %j', (acknowledged) =>
      expect(() => parseCertifyBudget({ ...norfolk, acknowledged })).toThrow(/invalid CertifyBudget: acknowledged/));

    it('reads (d) not complied with, for the decision to refuse with its own code', () =>
      expect(parseCertifyBudget({ ...norfolk, regulationsComplied: false }).regulationsComplied).toBe(false));

    it.each([['d'], ['B'], [['a', 'b']], [2]])('refuses the basis %j: exactly one of a, b or c', (basis) =>
      expect(() => parseCertifyBudget({ ...norfolk, basis })).toThrow(/invalid CertifyBudget: basis: must be exactly one of "a", "b" or "c"/));

    it('refuses (d) given as text', () =>
      expect(() => parseCertifyBudget({ ...norfolk, regulationsComplied: 'yes' })).toThrow(
        'invalid CertifyBudget: regulationsComplied: must be true or false, got string',
      ));

    it('refuses figures sent with the command: they are the ledger’s, not the caller’s', () =>
      expect(() => parseCertifyBudget({ ...norfolk, figures: {} })).toThrow('invalid CertifyBudget: figures: unknown field'));

    it('names every missing field', () =>
      expect(() => parseCertifyBudget({ awardId: 'a' })).toThrow(
        expect.objectContaining({
          fields: ['basis', 'regulationsComplied', 'officer', 'certifiedOn', 'decisionRef'].map((field) =>
            expect.objectContaining({ field }),
          ),
        }),
      ));
  });
});
