import Decimal from 'decimal.js';

/**
 * The Decimal constructor every amount goes through. A private clone, so no other code changing
 * `Decimal.set` can alter how money is computed. 40 significant digits keep sums of the largest
 * allowed amounts exact; anything that must lose digits (a ratio) rounds towards zero, and amounts
 * themselves are never rounded implicitly: they only ever hold whole pennies. Exponent notation is
 * pushed out of reach so a string of an amount is always plain.
 */
export const MoneyDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export type { Decimal };
