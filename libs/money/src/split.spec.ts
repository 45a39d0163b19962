import fc from 'fast-check';
import { allocate, Money, splitEven } from './index';

const m = (value: string): Money => Money.fromString(value);
const shown = (shares: Money[]): string[] => shares.map((share) => share.toString());
const sharesOf = <K extends string>(result: Array<{ key: K; share: Money }>): Array<[K, string]> =>
  result.map(({ key, share }) => [key, share.toString()]);

describe('splitEven', () => {
  it('floors each part to the penny and gives the leftover pennies to the earliest parts', () => {
    expect(shown(splitEven(m('100.00'), 3))).toEqual(['33.34', '33.33', '33.33']);
    expect(shown(splitEven(m('0.05'), 4))).toEqual(['0.02', '0.01', '0.01', '0.01']);
  });

  it('gives some parts nothing when there are fewer pennies than parts', () => {
    expect(shown(splitEven(m('0.02'), 3))).toEqual(['0.01', '0.01', '0.00']);
  });

  it('splits nothing into nothings', () => {
    expect(shown(splitEven(Money.zero(), 2))).toEqual(['0.00', '0.00']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses to split into %p parts', (parts) => {
    expect(() => splitEven(m('10.00'), parts)).toThrow(RangeError);
  });

  it('refuses to split a negative total', () => {
    expect(() => splitEven(m('-10.00'), 2)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it('shares in proportion to the weights, in the order given', () => {
    const result = allocate(m('300.00'), [
      { key: 'council', weight: m('2000.00') },
      { key: 'opcc', weight: m('1000.00') },
    ]);
    expect(sharesOf(result)).toEqual([['council', '200.00'], ['opcc', '100.00']]);
  });

  it('gives a leftover penny to the largest remainder before the lower key', () => {
    // exact shares 0.6p and 0.4p: the penny goes to 'z', whose dropped fraction is larger
    const result = allocate(m('0.01'), [{ key: 'z', weight: m('0.60') }, { key: 'a', weight: m('0.40') }]);
    expect(sharesOf(result)).toEqual([['z', '0.01'], ['a', '0.00']]);
  });

  it('breaks a tie of remainders in favour of the lower key, whatever the input order', () => {
    const result = allocate(m('100.00'), [
      { key: 'c', weight: m('1.00') },
      { key: 'b', weight: m('1.00') },
      { key: 'a', weight: m('1.00') },
    ]);
    expect(sharesOf(result)).toEqual([['c', '33.33'], ['b', '33.33'], ['a', '33.34']]);
  });

  it('orders keys by plain string order, not by locale (upper case before lower case)', () => {
    const result = allocate(m('0.01'), [{ key: 'a', weight: m('1.00') }, { key: 'B', weight: m('1.00') }]);
    expect(sharesOf(result)).toEqual([['a', '0.00'], ['B', '0.01']]);
  });

  it('gives a zero weight nothing', () => {
    const result = allocate(m('0.02'), [
      { key: 'a', weight: Money.zero() },
      { key: 'b', weight: m('1.00') },
      { key: 'c', weight: m('1.00') },
      { key: 'd', weight: m('1.00') },
    ]);
    expect(sharesOf(result)).toEqual([['a', '0.00'], ['b', '0.01'], ['c', '0.01'], ['d', '0.00']]);
  });

  it('allocates nothing as nothing, even with no weight', () => {
    expect(sharesOf(allocate(Money.zero(), [{ key: 'a', weight: Money.zero() }]))).toEqual([['a', '0.00']]);
    expect(allocate(Money.zero(), [])).toEqual([]);
  });

  it('refuses a total with nothing to weigh it by', () => {
    expect(() => allocate(m('1.00'), [{ key: 'a', weight: Money.zero() }])).toThrow(RangeError);
    expect(() => allocate(m('1.00'), [])).toThrow(RangeError);
  });

  it('refuses a negative total or weight', () => {
    expect(() => allocate(m('-1.00'), [{ key: 'a', weight: m('1.00') }])).toThrow(RangeError);
    expect(() => allocate(m('1.00'), [{ key: 'a', weight: m('-1.00') }])).toThrow('negative weight (a: -1.00)');
  });
});

describe('split properties', () => {
  const maxPennies = Money.MAX_AMOUNT.toPennies();
  const totalPennies = fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: maxPennies }));
  // Small and repeated weights make ties and zero weights common enough to matter.
  const weightPennies = fc.oneof(fc.constantFrom(0n, 1n, 100n), fc.bigInt({ min: 0n, max: maxPennies }));
  const weighted = fc
    .uniqueArray(fc.record({ key: fc.string({ maxLength: 4 }), pennies: weightPennies }), {
      minLength: 1,
      maxLength: 12,
      selector: (entry) => entry.key,
    })
    .filter((entries) => entries.some((entry) => entry.pennies > 0n));
  const absBig = (value: bigint): bigint => (value < 0n ? -value : value);

  it('splitEven: parts sum exactly to the total, are never negative and lie within 1p of total/parts', () => {
    fc.assert(
      fc.property(totalPennies, fc.integer({ min: 1, max: 60 }), (total, parts) => {
        const shares = splitEven(Money.fromPennies(total), parts).map((share) => share.toPennies());
        const n = BigInt(parts);
        expect(shares).toHaveLength(parts);
        expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
        for (const share of shares) {
          expect(share >= 0n).toBe(true);
          expect(absBig(share * n - total) < n).toBe(true);
        }
        shares.slice(1).forEach((share, index) => expect(shares[index] >= share).toBe(true));
      }),
    );
  });

  it('allocate: shares sum exactly to the total, are never negative and lie within 1p of the exact proportion', () => {
    fc.assert(
      fc.property(totalPennies, weighted, (total, entries) => {
        const weights = entries.map(({ key, pennies }) => ({ key, weight: Money.fromPennies(pennies) }));
        const result = allocate(Money.fromPennies(total), weights);
        const weightSum = entries.reduce((sum, entry) => sum + entry.pennies, 0n);
        expect(result.map(({ key }) => key)).toEqual(entries.map(({ key }) => key));
        expect(Money.sum(result.map(({ share }) => share)).toPennies()).toBe(total);
        result.forEach(({ share }, index) => {
          const pennies = share.toPennies();
          expect(pennies >= 0n).toBe(true);
          // |share - total * w / W| < 1p, multiplied through by W to stay exact
          expect(absBig(pennies * weightSum - total * entries[index].pennies) < weightSum).toBe(true);
          if (entries[index].pennies === 0n) expect(pennies).toBe(0n);
        });
      }),
    );
  });

  it('allocate: of two equal weights, the lower key never gets less', () => {
    fc.assert(
      fc.property(totalPennies, weighted, (total, entries) => {
        const shares = allocate(
          Money.fromPennies(total),
          entries.map(({ key, pennies }) => ({ key, weight: Money.fromPennies(pennies) })),
        ).map(({ share }) => share.toPennies());
        entries.forEach((a, i) =>
          entries.forEach((b, j) => {
            if (a.pennies === b.pennies && a.key < b.key) expect(shares[i] >= shares[j]).toBe(true);
          }),
        );
      }),
    );
  });

  it('allocate: equal weights split like splitEven, in key order', () => {
    fc.assert(
      fc.property(totalPennies, fc.integer({ min: 1, max: 20 }), (total, parts) => {
        const keys = Array.from({ length: parts }, (_, index) => `k${String(index).padStart(2, '0')}`).reverse();
        const result = allocate(Money.fromPennies(total), keys.map((key) => ({ key, weight: m('1.00') })));
        const even = shown(splitEven(Money.fromPennies(total), parts));
        expect(shown(result.map(({ share }) => share)).reverse()).toEqual(even);
      }),
    );
  });
});
