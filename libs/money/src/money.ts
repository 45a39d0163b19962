import type Decimal from 'decimal.js';
import { AmountInputOptions, checkAmountInput, MAX_AMOUNT_TEXT } from './amount-input';
import { InvalidAmountError } from './invalid-amount.error';
import { MoneyDecimal } from './money-decimal';

export { InvalidAmountError } from './invalid-amount.error';

const FIXED_SCALE = /^-?\d+(?:\.\d{1,2})?$/;
const PENNIES_PER_POUND = 100;

/**
 * An amount of pounds sterling, always a whole number of pennies. Immutable; every operation is exact
 * (sums and differences of pennies cannot round), so the only rounding in the ledger is the named
 * rule in split.ts.
 */
export class Money {
  static readonly MAX_AMOUNT: Money = new Money(new MoneyDecimal(MAX_AMOUNT_TEXT));

  private readonly amount: Decimal;

  private constructor(amount: Decimal) {
    // One zero, not two: -0 would print as "-0.00" and compare oddly in hashes of figures.
    this.amount = amount.isZero() ? new MoneyDecimal(0) : amount;
  }

  static zero(): Money {
    return new Money(new MoneyDecimal(0));
  }

  /**
   * Command input, DESIGN §4: a decimal string, > 0 (>= 0 with allowZero), <= 2 dp, <= MAX, no exponent,
   * no thousands separators, no sign '+', no whitespace, not a JSON number.
   */
  static parseAmount(value: unknown, field = 'amount', options: AmountInputOptions = {}): Money {
    return new Money(new MoneyDecimal(checkAmountInput(value, field, options)));
  }

  /** Trusted fixed-scale strings read back from events/read models: any sign, <= 2 dp. Throws on malformed. */
  static fromString(value: string): Money {
    if (typeof value !== 'string' || !FIXED_SCALE.test(value)) {
      const shown = typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
      throw new InvalidAmountError('amount', `${shown} is not a fixed-scale amount like -1234.56`);
    }
    return new Money(new MoneyDecimal(value));
  }

  static fromPennies(pennies: bigint): Money {
    return new Money(new MoneyDecimal(pennies.toString()).dividedBy(PENNIES_PER_POUND));
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = Money.zero();
    for (const amount of amounts) total = total.plus(amount);
    return total;
  }

  static min(a: Money, b: Money): Money {
    return a.lessThanOrEqual(b) ? a : b;
  }

  static max(a: Money, b: Money): Money {
    return a.greaterThanOrEqual(b) ? a : b;
  }

  plus(other: Money): Money {
    return new Money(this.amount.plus(other.amount));
  }

  minus(other: Money): Money {
    return new Money(this.amount.minus(other.amount));
  }

  negate(): Money {
    return new Money(this.amount.negated());
  }

  abs(): Money {
    return new Money(this.amount.abs());
  }

  /** Exact ratio this/other as a Decimal (e.g. share/cost for months funded). Throws on division by zero. */
  ratioTo(other: Money): Decimal {
    if (other.isZero()) throw new RangeError(`cannot take the ratio of ${this.toString()} to zero`);
    return this.amount.dividedBy(other.amount);
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.amount.comparedTo(other.amount) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.compare(other) === 0;
  }

  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  lessThanOrEqual(other: Money): boolean {
    return this.compare(other) <= 0;
  }

  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  greaterThanOrEqual(other: Money): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.greaterThan(0);
  }

  isNegative(): boolean {
    return this.amount.lessThan(0);
  }

  toPennies(): bigint {
    return BigInt(this.amount.times(PENNIES_PER_POUND).toFixed(0));
  }

  toDecimal(): Decimal {
    return this.amount;
  }

  /** Always 2 dp, plain: "200124.66", "-5.00", "0.00" — the form stored in events and sent on the wire. */
  toString(): string {
    return this.amount.toFixed(2);
  }

  toJSON(): string {
    return this.toString();
  }

  /** en-GB for people: "£200,124.66", "-£1,000.00". */
  format(): string {
    const [whole, pence] = this.amount.abs().toFixed(2).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${this.isNegative() ? '-' : ''}£${grouped}.${pence}`;
  }
}
