import { deciderSpecification } from '@fundledger/testing';
import { awardMade, provisionExtended, setSpendProfile, spendProfileSet, awardDeciderForSpecs } from '../../funding.test-builders';
import { parseSetSpendProfile } from './set-spend-profile.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

const shortAward = awardMade('300.00', { window: { start: '2021-10', end: '2021-12' } });

describe('SetSpendProfile', () => {
  describe('listing exactly the provision months', () => {
    it('records the profile in calendar order, whatever order it was given in', () => {
      const events = [
        spendProfileSet({ '2021-10': '100.00', '2021-11': '0.00', '2021-12': '250.00' }),
      ];
      spec
        .given([shortAward])
        .when(setSpendProfile({ '2021-12': '250.00', '2021-10': '100.00', '2021-11': '0.00' }))
        .then(events);
      expect(Object.keys(events[0].data.months)).toEqual(['2021-10', '2021-11', '2021-12']);
    });

    it('covers months added by an extension', () =>
      spec
        .given([shortAward, provisionExtended('2022-01')])
        .when(setSpendProfile({ '2021-10': '1.00', '2021-11': '1.00', '2021-12': '1.00', '2022-01': '1.00' }))
        .then([spendProfileSet({ '2021-10': '1.00', '2021-11': '1.00', '2021-12': '1.00', '2022-01': '1.00' })]));
  });

  describe('missing or adding months', () => {
    it('says which months are missing and which lie outside provision', () =>
      spec
        .given([shortAward, provisionExtended('2022-01')])
        .when(setSpendProfile({ '2021-10': '1.00', '2021-12': '1.00', '2022-03': '1.00', '2021-09': '1.00' }))
        .thenThrows(
          'SPEND_PROFILE_MONTHS_MISMATCH',
          'the spend profile must list exactly the provision months 2021-10 to 2022-01; ' +
            'missing 2021-11, 2022-01; outside provision 2021-09, 2022-03',
          { details: { missing: ['2021-11', '2022-01'], extra: ['2021-09', '2022-03'] } },
        ));
  });

  describe('parsing a raw body', () => {
    it('reads months and allows a month costing nothing', () => {
      const command = parseSetSpendProfile({ awardId: 'a', setOn: '2021-08-01', months: { '2021-10': '10.00', '2021-11': '0.00' } });
      expect([...command.months].map(([month, cost]) => [month, cost.toString()])).toEqual([
        ['2021-10', '10.00'],
        ['2021-11', '0.00'],
      ]);
    });

    it('refuses unreal months and malformed costs, naming each', () =>
      expect(() =>
        parseSetSpendProfile({ awardId: 'a', setOn: '2021-08-01', months: { '2021-13': '10.00', '2021-11': '1.001', '2021-12': 5 } }),
      ).toThrow(
        expect.objectContaining({
          fields: [
            expect.objectContaining({ field: 'months.2021-13' }),
            { field: 'months.2021-11', message: 'months.2021-11: 3 decimal places, at most 2 allowed' },
            { field: 'months.2021-12', message: 'months.2021-12: must be a string, got number' },
          ],
        }),
      ));

    it('refuses an empty profile', () =>
      expect(() => parseSetSpendProfile({ awardId: 'a', setOn: '2021-08-01', months: {} })).toThrow('months: must list every provision month'));
  });
});
