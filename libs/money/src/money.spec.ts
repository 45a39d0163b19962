import fc from 'fast-check';
import { InvalidAmountError, Money } from './index';

const m = (value: string): Money => Money.fromString(value);

describe('Money', () => {
  describe('arithmetic is exact to the penny', () => {
    it('adds without binary-float drift (0.10 + 0.20 is 0.30)', () => {
      expect(m('0.10').plus(m('0.20')).toString()).toBe('0.30');
    });

    it('subtracts into negative amounts', () => {
      expect(m('100.00').minus(m('105.00')).toString()).toBe('-5.00');
    });

    it('keeps every penny of the largest amounts', () => {
      expect(Money.MAX_AMOUNT.plus(Money.MAX_AMOUNT).toString()).toBe('1999999999999.98');
    });

    it('sums any number of amounts, and nothing sums to zero', () => {
      expect(Money.sum([m('187229.00'), m('101388.00'), m('7000.00')]).toString()).toBe('295617.00');
      expect(Money.sum([]).toString()).toBe('0.00');
    });

    it('negates and takes absolute values', () => {
      expect(m('12.34').negate().toString()).toBe('-12.34');
      expect(m('-12.34').abs().toString()).toBe('12.34');
    });

    it('never shows a negative zero', () => {
      expect(m('0.00').negate().toString()).toBe('0.00');
      expect(m('-0.00').toString()).toBe('0.00');
      expect(m('5.00').minus(m('5.00')).negate().format()).toBe('£0.00');
    });
  });

  describe('comparison', () => {
    it('orders amounts', () => {
      expect(m('1.00').compare(m('2.00'))).toBe(-1);
      expect(m('2.00').compare(m('2'))).toBe(0);
      expect(m('2.01').compare(m('2.00'))).toBe(1);
    });

    it('answers the comparison questions', () => {
      const [small, large] = [m('1.99'), m('2.00')];
      expect([small.lessThan(large), small.lessThanOrEqual(small), large.greaterThan(small)]).toEqual([true, true, true]);
      expect([large.greaterThanOrEqual(large), small.equals(m('1.99')), small.equals(large)]).toEqual([true, true, false]);
      expect([large.lessThan(small), small.greaterThan(large)]).toEqual([false, false]);
    });

    it('picks the smaller and the larger of two', () => {
      expect(Money.min(m('3.00'), m('2.99')).toString()).toBe('2.99');
      expect(Money.max(m('3.00'), m('2.99')).toString()).toBe('3.00');
    });

    it('knows zero, positive and negative', () => {
      expect([Money.zero().isZero(), m('0.01').isPositive(), m('-0.01').isNegative()]).toEqual([true, true, true]);
      expect([Money.zero().isPositive(), Money.zero().isNegative(), m('0.01').isZero()]).toEqual([false, false, false]);
    });
  });

  describe('ratios', () => {
    it('gives the exact ratio of two amounts as a decimal', () => {
      expect(m('7500.00').ratioTo(m('2500.00')).toString()).toBe('3');
      expect(m('1250.00').ratioTo(m('2500.00')).toString()).toBe('0.5');
    });

    it('refuses a ratio to zero', () => {
      expect(() => m('1.00').ratioTo(Money.zero())).toThrow(RangeError);
    });
  });

  describe('pennies', () => {
    it('converts to and from whole pennies', () => {
      expect(Money.fromPennies(20012466n).toString()).toBe('200124.66');
      expect(Money.fromPennies(-1n).toString()).toBe('-0.01');
      expect(m('200124.66').toPennies()).toBe(20012466n);
      expect(m('-5').toPennies()).toBe(-500n);
    });
  });

  describe('reading stored amounts back', () => {
    it.each(['200124.66', '-5.00', '0.00', '15000', '15000.5'])('reads %s', (stored) => {
      expect(m(stored).equals(Money.fromString(m(stored).toString()))).toBe(true);
    });

    it.each(['1.234', '1e3', '', 'abc', '+1.00', '1,000.00'])('refuses the malformed %p', (stored) => {
      expect(() => Money.fromString(stored)).toThrow(InvalidAmountError);
    });

    it('refuses a number that slipped through untyped JSON', () => {
      expect(() => Money.fromString(5 as unknown as string)).toThrow('amount: a number is not a fixed-scale amount');
    });
  });

  describe('writing amounts', () => {
    it('stores and sends a plain string of 2 places', () => {
      expect(JSON.stringify({ amount: m('15000.5') })).toBe('{"amount":"15000.50"}');
    });

    it.each([
      ['200124.66', '£200,124.66'],
      ['-1000', '-£1,000.00'],
      ['0.5', '£0.50'],
      ['999', '£999.00'],
      ['1000', '£1,000.00'],
      ['999999999999.99', '£999,999,999,999.99'],
    ])('formats %s for people as %s', (stored, shown) => {
      expect(m(stored).format()).toBe(shown);
    });
  });

  describe('properties', () => {
    const pennies = fc.bigInt({ min: -Money.MAX_AMOUNT.toPennies(), max: Money.MAX_AMOUNT.toPennies() });
    const validPennies = fc.bigInt({ min: 1n, max: Money.MAX_AMOUNT.toPennies() });

    it('parseAmount reads back exactly what toString wrote, for every valid amount', () => {
      fc.assert(
        fc.property(validPennies, (p) => {
          const amount = Money.fromPennies(p);
          return Money.parseAmount(amount.toString()).equals(amount) && Money.parseAmount(amount.toString()).toPennies() === p;
        }),
      );
    });

    it('fromString reads back exactly what toString wrote, whatever the sign', () => {
      fc.assert(fc.property(pennies, (p) => Money.fromString(Money.fromPennies(p).toString()).toPennies() === p));
    });

    it('plus and minus agree with whole-penny arithmetic', () => {
      fc.assert(
        fc.property(pennies, pennies, (a, b) => {
          const [x, y] = [Money.fromPennies(a), Money.fromPennies(b)];
          return x.plus(y).toPennies() === a + b && x.minus(y).toPennies() === a - b;
        }),
      );
    });
  });
});
