import { deciderSpecification } from '@fundledger/testing';
import { AWARD_ID, awardClosed, awardMade, awardDeciderForSpecs } from '../../funding.test-builders';
import type { SubmitReturn } from '../award.commands';
import { awardDecider, type AwardDecisionContext } from '../award.decide';
import type { ReturnSubmitted } from '../award.events';
import { parseSubmitReturn } from './submit-return.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

const submitReturn = (fields: Partial<Omit<SubmitReturn, 'type'>> = {}): SubmitReturn => ({
  type: 'SubmitReturn',
  awardId: AWARD_ID,
  financialYear: '2021-22',
  quarter: 3,
  submittedOn: '2022-01-10',
  ...fields,
});

const returnFigures = { figures: { spend: { quarter: { total: '150.00' } } }, figuresHash: 'b'.repeat(64) };
const on = (today: string): AwardDecisionContext => ({ today, returnFigures });

const returnSubmitted = (data: Partial<ReturnSubmitted['data']> = {}): ReturnSubmitted => ({
  type: 'ReturnSubmitted',
  data: {
    awardId: AWARD_ID,
    financialYear: '2021-22',
    quarter: 3,
    figures: returnFigures.figures,
    figuresHash: returnFigures.figuresHash,
    version: 1,
    submittedOn: '2022-01-10',
    ...data,
  },
});

describe('SubmitReturn', () => {
  describe('for a quarter that has ended', () => {
    it('records the figures and their hash as version 1, on the day it was submitted', () =>
      spec.given([awardMade()]).when(submitReturn(), on('2022-01-10')).then([returnSubmitted()]));

    it('records a later submission of the same quarter as the next version, with its reason', () =>
      spec
        .given([awardMade(), returnSubmitted()])
        .when(submitReturn({ submittedOn: '2022-01-20', reason: 'December payment corrected' }), on('2022-01-20'))
        .then([returnSubmitted({ version: 2, submittedOn: '2022-01-20', reason: 'December payment corrected' })]));

    it('numbers the versions of each quarter on their own', () =>
      spec
        .given([awardMade(), returnSubmitted(), returnSubmitted({ version: 2 })])
        .when(submitReturn({ quarter: 4, submittedOn: '2022-04-11' }), on('2022-04-11'))
        .then([returnSubmitted({ quarter: 4, submittedOn: '2022-04-11' })]));

    it('keeps the date the return was submitted when it is recorded later', () =>
      spec
        .given([awardMade()])
        .when(submitReturn({ submittedOn: '2022-01-05' }), on('2022-02-01'))
        .then([returnSubmitted({ submittedOn: '2022-01-05' })]));

    it('submits after closure, since a return moves no money', () =>
      spec.given([awardMade(), awardClosed()]).when(submitReturn(), on('2022-01-10')).then([returnSubmitted()]));
  });

  describe('for a quarter that has not ended', () => {
    it('refuses on the last day of the quarter, when payments can still be made', () =>
      spec
        .given([awardMade()])
        .when(submitReturn({ submittedOn: '2021-12-31' }), on('2021-12-31'))
        .thenThrows(
          'RETURN_QUARTER_NOT_ENDED',
          'Q3 2021-22 ends on 2021-12-31; its return cannot be submitted on 2021-12-31, before the quarter has ended',
          { kind: 'ledger-rule', details: { quarterEnd: '2021-12-31', today: '2021-12-31' } },
        ));

    it('refuses Q4, which ends on 31 March of the following calendar year', () =>
      spec
        .given([awardMade()])
        .when(submitReturn({ quarter: 4, submittedOn: '2022-01-10' }), on('2022-01-10'))
        .thenThrows('RETURN_QUARTER_NOT_ENDED', /^Q4 2021-22 ends on 2022-03-31/));

    it('refuses a submission dated before the quarter ended', () =>
      spec
        .given([awardMade()])
        .when(submitReturn({ submittedOn: '2021-12-15' }), on('2022-01-10'))
        .thenThrows(
          'RETURN_QUARTER_NOT_ENDED',
          'Q3 2021-22 ends on 2021-12-31; a return dated 2021-12-15 would be submitted before the quarter ended',
        ));
  });

  it('answers that an award never made is not found', () =>
    spec.given([]).when(submitReturn(), on('2022-01-10')).thenThrows('AWARD_NOT_FOUND'));

  it('refuses a return dated after today', () =>
    spec
      .given([awardMade()])
      .when(submitReturn({ submittedOn: '2022-01-11' }), on('2022-01-10'))
      .thenThrows('BUSINESS_DATE_IN_FUTURE', 'submittedOn 2022-01-11 is after today, 2022-01-10 (UK time): only what has happened can be recorded', {
        details: { submittedOn: '2022-01-11', today: '2022-01-10' },
      }));

  it('fails loudly when the handler gave no figures, a wiring fault', () =>
    expect(() =>
      awardDecider.decide([awardMade()].reduce(awardDecider.evolve, awardDecider.initialState), submitReturn(), { today: '2022-01-10' }),
    ).toThrow("SubmitReturn on award award-1 was decided without the return's figures"));

  describe('parsing a raw body', () => {
    const body = { awardId: 'a', financialYear: '2021-22', quarter: 3, submittedOn: '2022-01-10' };

    it('requires the date it was submitted', () =>
      expect(() => parseSubmitReturn({ awardId: 'a', financialYear: '2021-22', quarter: 3 })).toThrow(
        'invalid SubmitReturn: submittedOn: required',
      ));

    it('reads the quarter as a number and leaves the optional fields out', () =>
      expect(parseSubmitReturn(body)).toEqual({ type: 'SubmitReturn', ...body }));

    it('reads variance reasons for months of the quarter', () =>
      expect(parseSubmitReturn({ ...body, varianceReasons: { '2021-11': 'Staff vacancy' } }).varianceReasons).toEqual({
        '2021-11': 'Staff vacancy',
      }));

    it('refuses a variance reason for a month outside the quarter', () =>
      expect(() => parseSubmitReturn({ ...body, varianceReasons: { '2022-01': 'Late invoice' } })).toThrow(
        'invalid SubmitReturn: varianceReasons.2022-01: is not a month of Q3 2021-22 (2021-10, 2021-11, 2021-12)',
      ));

    it.each([[0], [5], ['3'], [2.5]])('refuses the quarter %j', (quarter) =>
      expect(() => parseSubmitReturn({ ...body, quarter })).toThrow(/quarter: must be the number 1, 2, 3 or 4/));

    it('refuses a financial year written as two full years', () =>
      expect(() => parseSubmitReturn({ ...body, financialYear: '2021-2022' })).toThrow(
        'invalid SubmitReturn: financialYear: must be a UK financial year like 2021-22 (YYYY-YY)',
      ));

    it('refuses figures sent with the command: they are computed from the ledger', () =>
      expect(() => parseSubmitReturn({ ...body, figures: {} })).toThrow('invalid SubmitReturn: figures: unknown field'));
  });
});
