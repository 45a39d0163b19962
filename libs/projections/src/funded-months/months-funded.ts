import type { Money } from '@fundledger/money';

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * A count of months funded, held as an exact fraction of whole pennies (a sum of share/cost).
 *
 * Not `Money.ratioTo`: that Decimal is cut at 40 significant digits, so a sum of thirds and sixths
 * could land a hair below a rounding boundary and present one ten-thousandth low. Keeping the sum as
 * a fraction makes "rounded from the exact sum" literally true.
 */
export class MonthsFunded {
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static zero(): MonthsFunded {
    return new MonthsFunded(0n, 1n);
  }

  static whole(months: number): MonthsFunded {
    return new MonthsFunded(BigInt(months), 1n);
  }

  /** part/whole of one month; whole must be positive. */
  static ratio(part: Money, whole: Money): MonthsFunded {
    if (!whole.isPositive()) throw new RangeError(`cannot take a share of a month costing ${whole.toString()}`);
    return MonthsFunded.reduced(part.toPennies(), whole.toPennies());
  }

  static sum(items: Iterable<MonthsFunded>): MonthsFunded {
    let total = MonthsFunded.zero();
    for (const item of items) total = total.plus(item);
    return total;
  }

  plus(other: MonthsFunded): MonthsFunded {
    return MonthsFunded.reduced(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  equals(other: MonthsFunded): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  /**
   * The figure people read: 4 decimal places, ROUND_HALF_UP applied once to the exact sum (never a
   * sum of rounded monthly ratios, which could drift from the total).
   */
  toFixed4(): string {
    const scaled = this.numerator * 10_000n;
    const negative = scaled < 0n;
    const magnitude = negative ? -scaled : scaled;
    // Half up, away from zero: floor((2·|n|·10⁴ + d) / 2d).
    const rounded = (2n * magnitude + this.denominator) / (2n * this.denominator);
    const digits = rounded.toString().padStart(5, '0');
    const text = `${digits.slice(0, -4)}.${digits.slice(-4)}`;
    return negative && rounded !== 0n ? `-${text}` : text;
  }

  toJSON(): string {
    return this.toFixed4();
  }

  /** The exact figure as text ("7/3"), so a stored row sums to what the fold sums to. */
  toFraction(): string {
    return `${this.numerator}/${this.denominator}`;
  }

  static fromFraction(text: string): MonthsFunded {
    const match = /^(-?\d+)\/(\d+)$/.exec(text);
    if (match === null || BigInt(match[2]) === 0n) throw new RangeError(`not a fraction of months: ${text}`);
    return MonthsFunded.reduced(BigInt(match[1]), BigInt(match[2]));
  }

  private static reduced(numerator: bigint, denominator: bigint): MonthsFunded {
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator * sign) || 1n;
    return new MonthsFunded((sign * numerator) / divisor, (sign * denominator) / divisor);
  }
}

/** How the months funded by each source are printed, stated wherever they are. */
export const MONTHS_FUNDED_ROUNDING =
  "Each source's months funded is exact; their sum is rounded once, half up, to 4 decimal places, and shared " +
  'back by largest remainder (each source floored to 4 dp, the leftover ten-thousandths to the largest remainders), ' +
  'so the printed figures add up to the printed sum.';

/**
 * Each source's months funded as printed, 4 dp: the exact sum rounded once and apportioned by largest
 * remainder (the rule money uses for pennies), so the figures add up; a figure rounded on its own would
 * not (1.6762 + 4 × 0.6596 = 4.3146 against a total of 4.3148).
 */
export const presentMonthsFunded = (parts: readonly MonthsFunded[]): string[] => {
  const SCALE = 10_000n;
  const target = BigInt(MonthsFunded.sum(parts).toFixed4().replace('.', ''));
  const exact = parts.map((p) => ({ floor: (p.numerator * SCALE) / p.denominator, rest: (p.numerator * SCALE) % p.denominator, of: p.denominator }));
  let leftover = target - exact.reduce((sum, e) => sum + e.floor, 0n);
  // Largest remainder first (compared as fractions); ties go to the earlier source, as money's allocate does.
  const order = exact
    .map((_, i) => i)
    .sort((a, b) => {
      const diff = exact[b].rest * exact[a].of - exact[a].rest * exact[b].of;
      return diff > 0n ? 1 : diff < 0n ? -1 : a - b;
    });
  const units = exact.map((e) => e.floor);
  for (const i of order) {
    if (leftover <= 0n) break;
    units[i] += 1n;
    leftover -= 1n;
  }
  return units.map((u) => `${u / SCALE}.${(u % SCALE).toString().padStart(4, '0')}`);
};
