import { Money } from './money';

/*
 * The one rounding rule of the ledger (STYLE "Money and time"): floor every share to the penny, then
 * hand out the leftover pennies one at a time. Working in whole pennies (bigint) makes every share
 * exact and guarantees the shares sum to the total, which an auditor will check.
 */

const byPlainStringOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Even split: each part is total/parts floored to the penny; leftover pennies one each to the earliest parts. */
export function splitEven(total: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`cannot split into ${parts} parts: parts must be a positive integer`);
  }
  if (total.isNegative()) throw new RangeError(`cannot split a negative total (${total.toString()})`);

  const pennies = total.toPennies();
  const count = BigInt(parts);
  const floor = pennies / count;
  const leftover = Number(pennies % count);
  return Array.from({ length: parts }, (_, index) => Money.fromPennies(index < leftover ? floor + 1n : floor));
}

/**
 * Proportional split by weights; floor each to the penny, leftover pennies by largest remainder,
 * ties to the lower key (plain string ordering). Result in input order; sums exactly to total.
 * Weights >= 0, at least one > 0 when total > 0.
 */
export function allocate<K extends string>(
  total: Money,
  weights: ReadonlyArray<{ key: K; weight: Money }>,
): Array<{ key: K; share: Money }> {
  if (total.isNegative()) throw new RangeError(`cannot allocate a negative total (${total.toString()})`);
  const negative = weights.find(({ weight }) => weight.isNegative());
  if (negative) {
    throw new RangeError(`cannot allocate by a negative weight (${negative.key}: ${negative.weight.toString()})`);
  }

  const totalPennies = total.toPennies();
  const weightPennies = weights.map(({ weight }) => weight.toPennies());
  const weightSum = weightPennies.reduce((sum, weight) => sum + weight, 0n);
  if (totalPennies === 0n) return weights.map(({ key }) => ({ key, share: Money.zero() }));
  if (weightSum === 0n) {
    throw new RangeError(`cannot allocate ${total.toString()}: every weight is zero`);
  }

  // Exact share of each = total * weight / weightSum pennies; keep its floor and what the floor dropped.
  const parts = weightPennies.map((weight, index) => ({
    index,
    key: weights[index].key,
    floor: (totalPennies * weight) / weightSum,
    remainder: (totalPennies * weight) % weightSum,
  }));
  let leftover = totalPennies - parts.reduce((sum, part) => sum + part.floor, 0n);

  // Remainders sum to leftover * weightSum and each is below weightSum, so more than `leftover` parts
  // have a remainder: a zero weight never receives a leftover penny.
  const byClaim = [...parts].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      byPlainStringOrder(a.key, b.key) ||
      a.index - b.index,
  );
  const shares = parts.map((part) => part.floor);
  for (const part of byClaim) {
    if (leftover === 0n) break;
    shares[part.index] += 1n;
    leftover -= 1n;
  }
  return parts.map((part) => ({ key: part.key, share: Money.fromPennies(shares[part.index]) }));
}
