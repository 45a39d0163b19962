import { deciderSpecification } from '@fundledger/testing';
import {
  awardMade,
  awardVaried,
  extendProvision,
  matchFundingPledged,
  provisionExtended, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseExtendProvision } from './extend-provision.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('ExtendProvision', () => {
  describe('past the current provision end', () => {
    it('records the extension (Cleveland: 2022-05 to 2022-10)', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(extendProvision('2022-10'))
        .then([provisionExtended('2022-10')]));

    it('may extend an extension further', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), provisionExtended('2022-08')])
        .when(extendProvision('2022-09'))
        .then([provisionExtended('2022-09')]));
  });

  describe('not past the current provision end', () => {
    it('refuses an end equal to the window end', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(extendProvision('2022-05'))
        .thenThrows('EXTENSION_MUST_MOVE_END_LATER', 'provision already runs to 2022-05; an extension to 2022-05 must end later'));

    it('measures from the latest extension', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00'), provisionExtended('2022-10')])
        .when(extendProvision('2022-08'))
        .thenThrows('EXTENSION_MUST_MOVE_END_LATER', 'provision already runs to 2022-10; an extension to 2022-08 must end later'));

    it('measures from a window varied beyond the extension', () =>
      spec
        .given([
          awardMade('100.00'),
          matchFundingPledged('50.00'),
          provisionExtended('2022-08'),
          awardVaried({ newWindowEnd: '2022-12' }),
        ])
        .when(extendProvision('2022-11'))
        .thenThrows('EXTENSION_MUST_MOVE_END_LATER', /^provision already runs to 2022-12;/));
  });

  describe('funded by a contribution never pledged', () => {
    it('answers that the contribution is unknown', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('50.00')])
        .when(extendProvision('2022-10', { fundedBy: ['m-opcc', 'm-nobody'] }))
        .thenThrows('UNKNOWN_CONTRIBUTION', 'no contribution m-nobody is pledged to award award-1'));
  });

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      newEnd: '2022-10',
      decidedOn: '2021-07-31',
      reason: 'Match funding enables an additional five months of provision to the end of October 2022',
      fundedBy: ['m-opcc', 'm-hartlepool', 'm-stockton', 'm-redcar', 'm-middlesbrough'],
    };

    it('reads the Cleveland fixture entry', () =>
      expect(parseExtendProvision(body)).toEqual({ type: 'ExtendProvision', ...body }));

    it('requires at least one contribution, each named once', () => {
      expect(() => parseExtendProvision({ ...body, fundedBy: [] })).toThrow('fundedBy: must name at least one id');
      expect(() => parseExtendProvision({ ...body, fundedBy: ['m-opcc', 'm-opcc', 7] })).toThrow(
        'invalid ExtendProvision: fundedBy[2]: must be a string, got number; fundedBy[1]: m-opcc is listed twice',
      );
    });
  });
});
