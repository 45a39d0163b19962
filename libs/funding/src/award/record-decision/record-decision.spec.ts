import { deciderSpecification } from '@fundledger/testing';
import {
  awardClosed,
  awardMade,
  decisionRecorded,
  grantCommitted,
  recordDecision, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseRecordDecision } from './record-decision.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('RecordDecision', () => {
  // Cleveland's decision states grants of 296,617 while its lines sum to 295,617: recorded as published.
  it('records declared totals that disagree with the ledger, for a projection to surface', () =>
    spec
      .given([awardMade('200124.66'), grantCommitted('295617.00')])
      .when(recordDecision({ awardAmount: '200124.66', grantsTotal: '296617.00' }))
      .then([decisionRecorded({ declared: { awardAmount: '200124.66', grantsTotal: '296617.00' } })]));

  it('records a decision after closure, since it moves no money', () =>
    spec
      .given([awardMade('100.00'), awardClosed()])
      .when(recordDecision({ matchTotal: '0.00' }))
      .then([decisionRecorded({ declared: { matchTotal: '0.00' } })]));

  it('answers that an award never made is not found', () =>
    spec.given([]).when(recordDecision()).thenThrows('AWARD_NOT_FOUND'));

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      decisionRef: '2021-7335',
      decidedOn: '2021-07-31',
      declared: { awardAmount: '200124.66', grantsTotal: '296617.00' },
    };

    it('reads the Cleveland fixture entry', () => {
      const command = parseRecordDecision(body);
      expect(command.declared.grantsTotal?.toString()).toBe('296617.00');
      expect(command.declared).not.toHaveProperty('matchTotal');
    });

    it('refuses totals it does not know', () =>
      expect(() => parseRecordDecision({ ...body, declared: { total: '1.00' } })).toThrow(
        'invalid RecordDecision: declared.total: unknown field',
      ));
  });
});
