import fc from 'fast-check';
import { addMonths, compareMonths, type Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { allocateFundedMonths } from './funded-months.allocation';
import { MonthsFunded } from './months-funded';
import { reconcileFundedMonths, type FundedMonthsInput } from './funded-months.report';
import type { MonthAllocation, ReconciliationSource } from './funded-months.types';

const BASE: Month = '2023-11';
const month = (offset: number): Month => addMonths(BASE, offset);
const pennies = (max: number) => fc.integer({ min: 0, max }).map((p) => Money.fromPennies(BigInt(p)));
const within = (s: ReconciliationSource, m: Month) => compareMonths(s.windowStart, m) <= 0 && compareMonths(m, s.windowEnd) <= 0;

/**
 * Up to 7 sources over a 16-month span; organisation ids from a small set so that same-organisation
 * and same-window-end ties are common; windows may be empty or lie outside the provision period.
 */
const sourcesArb: fc.Arbitrary<ReconciliationSource[]> = fc
  .array(
    fc.record({
      sourceId: fc.constantFrom('alpha', 'beta', 'gamma'),
      start: fc.integer({ min: 0, max: 15 }),
      length: fc.integer({ min: -1, max: 10 }),
      available: pennies(60_000),
    }),
    { maxLength: 7 },
  )
  .map((drawn) =>
    drawn.map(({ sourceId, start, length, available }, i) => ({
      sourceId,
      // The first source is the award (no contribution id); the rest are match contributions.
      ...(i === 0 ? { kind: 'award' as const } : { kind: 'match' as const, contributionId: `m-${7 - i}` }),
      windowStart: month(start),
      windowEnd: month(start + length),
      available,
    })),
  );

const inputArb: fc.Arbitrary<FundedMonthsInput> = fc
  .record({
    start: fc.integer({ min: 0, max: 4 }),
    length: fc.integer({ min: 1, max: 10 }),
    committedTotal: pennies(300_000),
    // Profile months may fall outside the provision period or leave some of it uncovered.
    profile: fc.option(fc.dictionary(fc.integer({ min: 0, max: 15 }).map(month), pennies(50_000)), { nil: undefined }),
    sources: sourcesArb,
  })
  .map(({ start, length, committedTotal, profile, sources }) => ({
    awardId: 'a-1',
    provisionStart: month(start),
    provisionEnd: month(start + length - 1),
    committedTotal,
    profile,
    sources,
  }));

/** What each source still holds after each month, in month order. */
const remainingAfterEachMonth = (months: readonly MonthAllocation[], sources: readonly ReconciliationSource[]) => {
  const held = new Map(sources.map((s) => [s, s.available]));
  return months.map(({ shares }) => {
    for (const { source, amount } of shares) held.set(source, held.get(source)!.minus(amount));
    return new Map(held);
  });
};

const checkAllocation = (months: readonly MonthAllocation[], sources: readonly ReconciliationSource[]) => {
  const remaining = remainingAfterEachMonth(months, sources);
  months.forEach(({ month: m, cost, shares, shortfall }, i) => {
    const funded = Money.sum(shares.map((s) => s.amount));
    expect(funded.plus(shortfall).equals(cost)).toBe(true);
    expect(funded.lessThanOrEqual(cost)).toBe(true);
    expect(shortfall.isNegative()).toBe(false);
    for (const { source, amount } of shares) {
      expect(amount.isPositive()).toBe(true);
      expect(within(source, m)).toBe(true);
    }
    // A shortfall only when every source open in that month has been spent out.
    if (shortfall.isPositive()) {
      for (const s of sources.filter((s) => within(s, m))) expect(remaining[i].get(s)!.isZero()).toBe(true);
    }
    // Earliest-ending first: a later-ending source pays only once every earlier-ending open source is spent out.
    for (const { source } of shares) {
      for (const earlier of sources.filter((s) => within(s, m) && compareMonths(s.windowEnd, source.windowEnd) < 0)) {
        expect(remaining[i].get(earlier)!.isZero()).toBe(true);
      }
    }
  });
};

describe('funded-months properties', () => {
  it('every month and every source balances, for any sources, windows and costs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const report = reconcileFundedMonths(input);
        checkAllocation(report.months, input.sources);

        for (const { source, used, unused, lapsed, months } of report.sources) {
          expect(used.plus(unused).equals(source.available)).toBe(true);
          expect(used.isNegative() || unused.isNegative()).toBe(false);
          expect(lapsed.lessThanOrEqual(unused)).toBe(true);
          expect(lapsed.isNegative()).toBe(false);
          const windowClosed = compareMonths(source.windowEnd, input.provisionEnd) <= 0;
          expect(lapsed.equals(windowClosed ? unused : Money.zero())).toBe(true);
          for (const m of months) expect(within(source, m)).toBe(true);
        }

        const { totals } = report;
        const sumOf = (pick: (m: MonthAllocation) => Money) => Money.sum(report.months.map(pick));
        expect(totals.cost.equals(sumOf((m) => m.cost))).toBe(true);
        expect(totals.shortfall.equals(sumOf((m) => m.shortfall))).toBe(true);
        expect(totals.funded.equals(Money.sum(report.sources.map((s) => s.used)))).toBe(true);
        expect(totals.funded.plus(totals.shortfall).equals(totals.cost)).toBe(true);
        expect(totals.firstShortfallMonth).toBe(report.months.find((m) => m.shortfall.isPositive())?.month ?? null);
        const allMonths = MonthsFunded.whole(report.provision.months);
        const { numerator, denominator } = totals.fundedMonths;
        expect(numerator <= allMonths.numerator * denominator).toBe(true);
        expect(totals.fundedMonths.equals(allMonths)).toBe(totals.shortfall.isZero());
        if (input.profile === undefined) expect(totals.cost.equals(input.committedTotal)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('allocates actual payments in any month order, with gaps, the same way', () => {
    const paymentsArb = fc
      .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: 15 }), cost: pennies(40_000) }), {
        selector: (p) => p.offset,
        maxLength: 10,
      })
      .map((drawn) => drawn.map(({ offset, cost }) => ({ month: month(offset), cost })));

    fc.assert(
      fc.property(paymentsArb, sourcesArb, (payments, sources) => {
        const months = allocateFundedMonths(payments, sources);
        expect(months.map((m) => m.month)).toEqual(payments.map((p) => p.month).sort(compareMonths));
        checkAllocation(months, sources);
        const remaining = remainingAfterEachMonth(months, sources).at(-1);
        for (const s of sources) expect((remaining?.get(s) ?? s.available).isNegative()).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
