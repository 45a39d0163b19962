import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  commitGrant,
  grantCommitted,
  matchFundingPledged,
  matchFundingWithdrawn, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseCommitGrant } from './commit-grant.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('CommitGrant', () => {
  describe('when the commitment fits the available funding', () => {
    it('records the grant', () =>
      spec.given([awardMade('100.00')]).when(commitGrant('60.00')).then([grantCommitted('60.00')]));

    it('may use every last penny of the award and the match funding', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), grantCommitted('120.00')])
        .when(commitGrant('30.00', { grantId: 'g-2' }))
        .then([grantCommitted('30.00', { grantId: 'g-2' })]));
  });

  describe('when commitments already use all available funding', () => {
    it('refuses one more penny, with the figures', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('100.00')])
        .when(commitGrant('0.01', { grantId: 'g-2' }))
        .thenThrows(
          'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
          'committing £0.01 would take commitments to £100.01 against £100.00 available',
          { kind: 'ledger-rule', details: { amount: '0.01', committedAfter: '100.01', available: '100.00' } },
        ));

    it('counts match funding net of withdrawals', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), matchFundingWithdrawn('20.00')])
        .when(commitGrant('130.01'))
        .thenThrows(
          'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
          'committing £130.01 would take commitments to £130.01 against £130.00 available',
        ));
  });

  describe('when the grant id is already used on the award', () => {
    it('refuses it as a duplicate', () =>
      spec
        .given([awardMade('100.00'), grantCommitted('10.00')])
        .when(commitGrant('10.00'))
        .thenThrows('DUPLICATE_GRANT_ID', 'grant g-harbour is already committed from award award-1', {
          kind: 'already-exists',
        }));
  });

  describe('when the award was never made', () => {
    it('answers that the award is not found', () =>
      spec.given([]).when(commitGrant('10.00')).thenThrows('AWARD_NOT_FOUND', 'award award-1 has not been made', {
        kind: 'not-found',
      }));
  });

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      grantId: 'g-barefoot',
      grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' },
      amount: '7000.00',
      committedOn: '2021-07-31',
      purpose: 'Independent evaluation',
    };

    it('reads the fixture body into domain values', () => {
      const command = parseCommitGrant(body);
      expect(command).toMatchObject({ type: 'CommitGrant', grantId: 'g-barefoot', grantee: body.grantee });
      expect(command.amount.toString()).toBe('7000.00');
    });

    it('names every field error at once', () => {
      const raw = { ...body, amount: 7000, grantee: { id: 'barefoot research' }, colour: 'blue' };
      expect(() => parseCommitGrant(raw)).toThrow(
        expect.objectContaining({
          code: 'INVALID_COMMAND',
          fields: [
            { field: 'colour', message: 'colour: unknown field' },
            {
              field: 'grantee.id',
              message:
                'grantee.id: must be 1-100 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
            },
            { field: 'grantee.name', message: 'grantee.name: required' },
            { field: 'amount', message: 'amount: must be a string, got number' },
          ],
        }),
      );
    });
  });
});
