import { Money } from '@fundledger/money';
import { monthlyCosts } from './monthly-costs';

const gbp = (amount: string): Money => Money.fromString(amount);
const figures = (result: ReturnType<typeof monthlyCosts>) =>
  result.months.map(({ month, cost }) => [month, cost.toString()]);

describe('monthly costs of a provision period', () => {
  describe('when no spend profile is set', () => {
    it('spreads the committed total evenly, leftover pennies one each to the earliest months', () => {
      // 100.00 / 3 = 33.333… -> floor 33.33; 3 × 33.33 = 99.99, so 1p is left over and goes to
      // the first month: 33.34 + 33.33 + 33.33 = 100.00.
      const result = monthlyCosts({ provisionStart: '2024-01', provisionEnd: '2024-03', committedTotal: gbp('100.00') });

      expect(result.profile).toBe('flat');
      expect(figures(result)).toEqual([
        ['2024-01', '33.34'],
        ['2024-02', '33.33'],
        ['2024-03', '33.33'],
      ]);
      expect(result.profileMissingMonths).toEqual([]);
    });

    it('gives several leftover pennies to the earliest months, one each', () => {
      // 1.00 / 6 = 0.1666… -> floor 0.16; 6 × 0.16 = 0.96, leftover 4p -> months 1-4 get 0.17.
      const result = monthlyCosts({ provisionStart: '2023-11', provisionEnd: '2024-04', committedTotal: gbp('1.00') });

      expect(figures(result).map(([, cost]) => cost)).toEqual(['0.17', '0.17', '0.17', '0.17', '0.16', '0.16']);
    });

    it('spreads a total across a year end in calendar order', () => {
      // 300.00 / 3 = 100.00 exactly, no leftover.
      const result = monthlyCosts({ provisionStart: '2021-12', provisionEnd: '2022-02', committedTotal: gbp('300.00') });

      expect(figures(result)).toEqual([
        ['2021-12', '100.00'],
        ['2022-01', '100.00'],
        ['2022-02', '100.00'],
      ]);
    });
  });

  describe('when a spend profile is set', () => {
    it('takes each month from the profile and ignores profile months outside the provision period', () => {
      const result = monthlyCosts({
        provisionStart: '2024-01',
        provisionEnd: '2024-02',
        profile: { '2023-12': gbp('999.00'), '2024-01': gbp('120.50'), '2024-02': gbp('0.00'), '2024-03': gbp('999.00') },
        committedTotal: gbp('500.00'),
      });

      expect(result.profile).toBe('set');
      expect(figures(result)).toEqual([
        ['2024-01', '120.50'],
        ['2024-02', '0.00'],
      ]);
      expect(result.profileMissingMonths).toEqual([]);
    });

    it('counts provision months the profile does not cover as zero and lists them', () => {
      // The profile was set for 2024-01..2024-03, then provision was extended to 2024-05.
      const result = monthlyCosts({
        provisionStart: '2024-01',
        provisionEnd: '2024-05',
        profile: { '2024-01': gbp('10.00'), '2024-02': gbp('20.00'), '2024-03': gbp('30.00') },
        committedTotal: gbp('100.00'),
      });

      expect(figures(result)).toEqual([
        ['2024-01', '10.00'],
        ['2024-02', '20.00'],
        ['2024-03', '30.00'],
        ['2024-04', '0.00'],
        ['2024-05', '0.00'],
      ]);
      expect(result.profileMissingMonths).toEqual(['2024-04', '2024-05']);
    });
  });

  it('refuses a provision period that ends before it starts', () => {
    expect(() =>
      monthlyCosts({ provisionStart: '2024-05', provisionEnd: '2024-04', committedTotal: gbp('1.00') }),
    ).toThrow(expect.objectContaining({ code: 'EMPTY_PROVISION_PERIOD' }));
  });
});
