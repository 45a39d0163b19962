import { deciderSpecification } from '@fundledger/testing';
import {
  awardClosed,
  awardMade,
  awardVaried,
  grantCommitted,
  matchFundingPledged,
  varyAward, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseVaryAward } from './vary-award.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('VaryAward', () => {
  describe('changing the amount', () => {
    it('records the new amount (Cleveland: 200,333.33 announced, 200,124.66 decided)', () =>
      spec
        .given([awardMade('200333.33')])
        .when(varyAward({ newAmount: '200124.66' }))
        .then([awardVaried({ newAmount: '200124.66' })]));

    it('may reduce the award to exactly what is committed beyond the match funding', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('20.00'), grantCommitted('90.00')])
        .when(varyAward({ newAmount: '70.00' }))
        .then([awardVaried({ newAmount: '70.00' })]));

    it('refuses a reduction that would leave commitments unfunded, with the figures', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('20.00'), grantCommitted('90.00')])
        .when(varyAward({ newAmount: '69.99' }))
        .thenThrows(
          'VARIATION_LEAVES_COMMITMENTS_UNFUNDED',
          'varying the award to £69.99 would reduce available funding to £89.99 against £90.00 committed',
          { details: { newAmount: '69.99', availableAfter: '89.99', committed: '90.00' } },
        ));
  });

  describe('moving the window end', () => {
    it('records a later end', () =>
      spec
        .given([awardMade('100.00')])
        .when(varyAward({ newWindowEnd: '2022-06' }))
        .then([awardVaried({ newWindowEnd: '2022-06' })]));

    it('refuses an earlier end: the window cannot be shortened', () =>
      spec
        .given([awardMade('100.00')])
        .when(varyAward({ newAmount: '120.00', newWindowEnd: '2022-04' }))
        .thenThrows(
          'WINDOW_CANNOT_BE_SHORTENED',
          'the eligibility window ends 2022-05; it cannot be shortened to end 2022-04',
        ));

    it('judges against the window as already varied', () =>
      spec
        .given([awardMade('100.00'), awardVaried({ newWindowEnd: '2022-09' })])
        .when(varyAward({ newWindowEnd: '2022-08' }))
        .thenThrows('WINDOW_CANNOT_BE_SHORTENED', /ends 2022-09; it cannot be shortened to end 2022-08$/));
  });

  describe('when nothing would change', () => {
    it('refuses the same amount and end', () =>
      spec
        .given([awardMade('100.00')])
        .when(varyAward({ newAmount: '100.00', newWindowEnd: '2022-05' }))
        .thenThrows('NOTHING_TO_VARY', 'award award-1 already stands at £100.00 with its window ending 2022-05'));

    it('records a change of end even when the amount is restated', () =>
      spec
        .given([awardMade('100.00')])
        .when(varyAward({ newAmount: '100.00', newWindowEnd: '2022-07' }))
        .then([awardVaried({ newAmount: '100.00', newWindowEnd: '2022-07' })]));
  });

  describe('after closure', () => {
    it('refuses the variation', () =>
      spec
        .given([awardMade('100.00'), awardClosed()])
        .when(varyAward({ newAmount: '90.00' }))
        .thenThrows(
          'AWARD_CLOSED',
          'award award-1 was closed on 2022-11-30; nothing financial can be recorded after closure',
        ));
  });

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      newAmount: '200124.66',
      effectiveOn: '2021-07-31',
      reason: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)',
      reference: 'Decision 2021-7335',
    };

    it('reads the Cleveland fixture entry', () => {
      const command = parseVaryAward(body);
      expect(command.newAmount?.toString()).toBe('200124.66');
      expect(command).not.toHaveProperty('newWindowEnd');
    });

    it('requires something to vary', () => {
      const { newAmount: _, ...nothing } = body;
      expect(() => parseVaryAward(nothing)).toThrow(
        'invalid VaryAward: newAmount: a variation needs newAmount, newWindowEnd or both',
      );
    });

    it('refuses a month that does not exist', () =>
      expect(() => parseVaryAward({ ...body, newWindowEnd: '2022-13' })).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ field: 'newWindowEnd' })] }),
      ));
  });
});
