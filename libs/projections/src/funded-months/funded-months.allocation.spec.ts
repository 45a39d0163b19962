import type { Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { allocateFundedMonths } from './funded-months.allocation';
import type { MonthAllocation, MonthlyCost, ReconciliationSource } from './funded-months.types';

const gbp = (amount: string): Money => Money.fromString(amount);
const award = (sourceId: string, available: string, windowStart: Month, windowEnd: Month): ReconciliationSource => ({
  sourceId,
  kind: 'award',
  windowStart,
  windowEnd,
  available: gbp(available),
});
const match = (
  sourceId: string,
  contributionId: string,
  available: string,
  windowStart: Month,
  windowEnd: Month,
): ReconciliationSource => ({ sourceId, kind: 'match', contributionId, windowStart, windowEnd, available: gbp(available) });
const costs = (...entries: Array<[Month, string]>): MonthlyCost[] =>
  entries.map(([month, cost]) => ({ month, cost: gbp(cost) }));

/** Each month as [month, [[source label, share], …] in allocation order, shortfall]. */
const view = (allocation: MonthAllocation[]) =>
  allocation.map(({ month, shares, shortfall }) => [
    month,
    shares.map(({ source, amount }) => [
      source.contributionId === undefined ? source.sourceId : `${source.sourceId}/${source.contributionId}`,
      amount.toString(),
    ]),
    shortfall.toString(),
  ]);

describe('allocating monthly costs to sources (DESIGN §5 step 4)', () => {
  describe('with a single award that covers every month', () => {
    it('pays each month in full from the award', () => {
      // 3 × 300.00 = 900.00 <= 1,000.00 available: no shortfall, 100.00 left with the award.
      const result = allocateFundedMonths(
        costs(['2024-01', '300.00'], ['2024-02', '300.00'], ['2024-03', '300.00']),
        [award('home-office', '1000.00', '2024-01', '2024-03')],
      );

      expect(view(result)).toEqual([
        ['2024-01', [['home-office', '300.00']], '0.00'],
        ['2024-02', [['home-office', '300.00']], '0.00'],
        ['2024-03', [['home-office', '300.00']], '0.00'],
      ]);
    });
  });

  describe('when the award window ends before the match windows', () => {
    it('spends the award first and the match funding covers the later months', () => {
      // Jan, Feb: both windows contain the month; the award's ends first (2024-02), so it pays
      // 200.00 each (500.00 - 400.00 = 100.00 left, unusable after Feb). Mar, Apr: only the match
      // window is open: 200.00 each from 500.00, leaving 100.00.
      const result = allocateFundedMonths(
        costs(['2024-01', '200.00'], ['2024-02', '200.00'], ['2024-03', '200.00'], ['2024-04', '200.00']),
        [match('council', 'm-1', '500.00', '2024-01', '2024-04'), award('home-office', '500.00', '2024-01', '2024-02')],
      );

      expect(view(result)).toEqual([
        ['2024-01', [['home-office', '200.00']], '0.00'],
        ['2024-02', [['home-office', '200.00']], '0.00'],
        ['2024-03', [['council/m-1', '200.00']], '0.00'],
        ['2024-04', [['council/m-1', '200.00']], '0.00'],
      ]);
    });

    it('tops a month up from the next window when the earliest-ending one runs out', () => {
      // Jan: award pays 200.00 (250.00 -> 50.00). Feb: the award gives all it has, 50.00; the
      // match window (ending later) meets the other 200.00 - 50.00 = 150.00.
      const result = allocateFundedMonths(costs(['2024-01', '200.00'], ['2024-02', '200.00']), [
        award('home-office', '250.00', '2024-01', '2024-02'),
        match('council', 'm-1', '500.00', '2024-01', '2024-06'),
      ]);

      expect(view(result)).toEqual([
        ['2024-01', [['home-office', '200.00']], '0.00'],
        ['2024-02', [['home-office', '50.00'], ['council/m-1', '150.00']], '0.00'],
      ]);
    });

    it('does not draw on a source before its window opens', () => {
      // Jan: the match window opens in Feb, so Jan's 100.00 is met by nobody. Feb: match pays.
      const result = allocateFundedMonths(costs(['2024-01', '100.00'], ['2024-02', '100.00']), [
        match('council', 'm-1', '500.00', '2024-02', '2024-03'),
      ]);

      expect(view(result)).toEqual([
        ['2024-01', [], '100.00'],
        ['2024-02', [['council/m-1', '100.00']], '0.00'],
      ]);
    });
  });

  describe('when match windows end in the same month', () => {
    it('shares the cost in proportion to what each still has', () => {
      // 100.00 × 300/400 = 75.00 and 100.00 × 100/400 = 25.00: exact, no pennies left over.
      const result = allocateFundedMonths(costs(['2024-01', '100.00']), [
        match('alpha-council', 'm-a', '300.00', '2024-01', '2024-06'),
        match('beta-council', 'm-b', '100.00', '2024-01', '2024-06'),
      ]);

      expect(view(result)).toEqual([['2024-01', [['alpha-council/m-a', '75.00'], ['beta-council/m-b', '25.00']], '0.00']]);
    });

    it('gives a leftover penny to the largest remainder', () => {
      // 100.00 × 200/300 = 66.666… and × 100/300 = 33.333…: floors 66.66 + 33.33 = 99.99; the 1p
      // left goes to the larger remainder (0.666… > 0.333…): 66.67 and 33.33.
      const result = allocateFundedMonths(costs(['2024-01', '100.00']), [
        match('beta-council', 'm-b', '100.00', '2024-01', '2024-06'),
        match('alpha-council', 'm-a', '200.00', '2024-01', '2024-06'),
      ]);

      expect(view(result)).toEqual([['2024-01', [['alpha-council/m-a', '66.67'], ['beta-council/m-b', '33.33']], '0.00']]);
    });

    it('resolves a penny tie to the lower organisation id, whatever order the sources come in', () => {
      // 100.01 × 300/600 = 50.005 each: floors 50.00 + 50.00 = 100.00, 1p left, equal remainders;
      // "alpha-council" < "beta-council", so alpha gets 50.01 and beta 50.00.
      const result = allocateFundedMonths(costs(['2024-01', '100.01']), [
        match('beta-council', 'm-b', '300.00', '2024-01', '2024-06'),
        match('alpha-council', 'm-a', '300.00', '2024-01', '2024-06'),
      ]);

      expect(view(result)).toEqual([['2024-01', [['alpha-council/m-a', '50.01'], ['beta-council/m-b', '50.00']], '0.00']]);
    });

    it('resolves a tie between two contributions of one organisation by the lower contribution id', () => {
      // As above, 50.005 each; same organisation, so "m-1" < "m-2" takes the penny.
      const result = allocateFundedMonths(costs(['2024-01', '100.01']), [
        match('council', 'm-2', '300.00', '2024-01', '2024-06'),
        match('council', 'm-1', '300.00', '2024-01', '2024-06'),
      ]);

      expect(view(result)).toEqual([['2024-01', [['council/m-1', '50.01'], ['council/m-2', '50.00']], '0.00']]);
    });

    it('takes all a group has when it cannot meet the month, and asks the next group for the rest', () => {
      // Group ending 2024-03 holds 30.00 + 20.00 = 50.00 < 80.00: each gives all it has. The
      // group ending 2024-06 meets the remaining 80.00 - 50.00 = 30.00.
      const result = allocateFundedMonths(costs(['2024-01', '80.00']), [
        match('later-council', 'm-l', '100.00', '2024-01', '2024-06'),
        match('beta-council', 'm-b', '20.00', '2024-01', '2024-03'),
        match('alpha-council', 'm-a', '30.00', '2024-01', '2024-03'),
      ]);

      expect(view(result)).toEqual([
        [
          '2024-01',
          [['alpha-council/m-a', '30.00'], ['beta-council/m-b', '20.00'], ['later-council/m-l', '30.00']],
          '0.00',
        ],
      ]);
    });
  });

  describe('when the sources cannot meet a month', () => {
    it('records what no source meets as the shortfall', () => {
      // 500.00 available: Jan 200.00, Feb 200.00, Mar only 100.00 left -> shortfall 100.00.
      const result = allocateFundedMonths(
        costs(['2024-01', '200.00'], ['2024-02', '200.00'], ['2024-03', '200.00']),
        [award('home-office', '500.00', '2024-01', '2024-03')],
      );

      expect(view(result)).toEqual([
        ['2024-01', [['home-office', '200.00']], '0.00'],
        ['2024-02', [['home-office', '200.00']], '0.00'],
        ['2024-03', [['home-office', '100.00']], '100.00'],
      ]);
    });
  });

  describe('with uneven costs, as actual payments by month', () => {
    it('works oldest month first whatever order the months arrive in, and skips a month with no cost', () => {
      // Oldest first: Jan 120.50 (150.00 -> 29.50), Feb nothing to pay, Mar 40.00: 29.50 paid,
      // 10.50 short.
      const result = allocateFundedMonths(costs(['2024-03', '40.00'], ['2024-01', '120.50'], ['2024-02', '0.00']), [
        award('home-office', '150.00', '2024-01', '2024-03'),
      ]);

      expect(view(result)).toEqual([
        ['2024-01', [['home-office', '120.50']], '0.00'],
        ['2024-02', [], '0.00'],
        ['2024-03', [['home-office', '29.50']], '10.50'],
      ]);
    });
  });

  describe('refuses input that cannot be reconciled', () => {
    const source = award('home-office', '100.00', '2024-01', '2024-03');

    it.each([
      ['a month given twice', costs(['2024-01', '1.00'], ['2024-01', '2.00']), [source], 'DUPLICATE_MONTH'],
      ['a negative monthly cost', costs(['2024-01', '-1.00']), [source], 'NEGATIVE_MONTHLY_COST'],
      ['a source listed twice', costs(['2024-01', '1.00']), [source, { ...source }], 'DUPLICATE_SOURCE'],
      [
        'a source with negative money',
        costs(['2024-01', '1.00']),
        [award('home-office', '-0.01', '2024-01', '2024-03')],
        'NEGATIVE_SOURCE_AVAILABLE',
      ],
    ])('refuses %s', (_, months, sources, code) => {
      expect(() => allocateFundedMonths(months, sources)).toThrow(expect.objectContaining({ code }));
    });
  });
});
