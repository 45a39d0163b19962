import { compareMonths, type Month } from '@fundledger/calendar';
import { allocate, Money } from '@fundledger/money';
import { FundedMonthsInputError } from './funded-months.errors';
import type { MonthAllocation, MonthlyCost, ReconciliationSource, SourceShare } from './funded-months.types';

/**
 * DESIGN §5 step 4. Month by month, oldest first, each month's cost is met from the sources whose
 * window contains the month and which still have money, the earliest-ending window first: money that
 * lapses soonest is spent first, so as little as possible is returned to a funder. Sources whose
 * windows end in the same month share the cost in proportion to what each still has (to the penny by
 * largest remainder, ties to the lower organisation id, then the lower contribution id); a group that
 * cannot meet what is left gives all it has and the next group is asked. What no source meets is the
 * month's shortfall.
 *
 * Costs may be any per-month figures (a flat spread, a spend profile, or actual payments by month);
 * nothing here assumes they are equal or that every month is present.
 */
export const allocateFundedMonths = (
  months: readonly MonthlyCost[],
  sources: readonly ReconciliationSource[],
): MonthAllocation[] => {
  assertSourcesAreValid(sources);
  const remaining = new Map<ReconciliationSource, Money>(sources.map((source) => [source, source.available]));
  const byPriority = [...sources].sort(
    (a, b) => compareMonths(a.windowEnd, b.windowEnd) || compareSourceIdentity(a, b),
  );

  return oldestFirst(months).map(({ month, cost }) => {
    const shares: SourceShare[] = [];
    let unmet = cost;
    const eligible = byPriority.filter((s) => isInWindow(s, month) && remaining.get(s)!.isPositive());
    for (const group of sameEndGroups(eligible)) {
      if (unmet.isZero()) break;
      const held = Money.sum(group.map((s) => remaining.get(s)!));
      const parts = held.lessThanOrEqual(unmet)
        ? group.map((source) => ({ source, amount: remaining.get(source)! }))
        : shareInProportion(unmet, group, remaining);
      for (const part of parts) {
        if (part.amount.isZero()) continue;
        shares.push(part);
        remaining.set(part.source, remaining.get(part.source)!.minus(part.amount));
        unmet = unmet.minus(part.amount);
      }
    }
    return { month, cost, shares, shortfall: unmet };
  });
};

/** `amount` is less than what the group holds, so every share stays within what its source has. */
const shareInProportion = (
  amount: Money,
  group: readonly ReconciliationSource[],
  remaining: ReadonlyMap<ReconciliationSource, Money>,
): SourceShare[] => {
  // `allocate` breaks remainder ties by the plain string order of its keys. The group is already in
  // (organisation id, contribution id) order, so each source's rank, zero-padded so that string order
  // is numeric order, carries exactly that tie-break, even when two sources share an organisation id.
  const width = String(group.length).length;
  const keyed = new Map(group.map((source, rank) => [String(rank).padStart(width, '0'), source]));
  const weights = [...keyed].map(([key, source]) => ({ key, weight: remaining.get(source)! }));
  return allocate(amount, weights).map(({ key, share }) => ({ source: keyed.get(key)!, amount: share }));
};

const oldestFirst = (months: readonly MonthlyCost[]): MonthlyCost[] => {
  const ordered = [...months].sort((a, b) => compareMonths(a.month, b.month));
  ordered.forEach(({ month, cost }, i) => {
    if (i > 0 && ordered[i - 1].month === month) {
      throw new FundedMonthsInputError('DUPLICATE_MONTH', `month ${month} has more than one cost`);
    }
    if (cost.isNegative()) {
      throw new FundedMonthsInputError('NEGATIVE_MONTHLY_COST', `month ${month} has a negative cost of ${cost}`);
    }
  });
  return ordered;
};

const isInWindow = (source: ReconciliationSource, month: Month): boolean =>
  compareMonths(source.windowStart, month) <= 0 && compareMonths(month, source.windowEnd) <= 0;

/** `sources` must already be ordered by window end. */
const sameEndGroups = (sources: readonly ReconciliationSource[]): ReconciliationSource[][] => {
  const groups: ReconciliationSource[][] = [];
  for (const source of sources) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0].windowEnd === source.windowEnd) last.push(source);
    else groups.push([source]);
  }
  return groups;
};

/** Plain code-unit order, never locale order: the tie-break must not depend on the machine. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareSourceIdentity = (a: ReconciliationSource, b: ReconciliationSource): number =>
  compareStrings(a.sourceId, b.sourceId) ||
  compareStrings(a.contributionId ?? '', b.contributionId ?? '') ||
  compareStrings(a.kind, b.kind);

const assertSourcesAreValid = (sources: readonly ReconciliationSource[]): void => {
  const seen = new Set<string>();
  for (const source of sources) {
    const label = describeSource(source);
    if (source.available.isNegative()) {
      throw new FundedMonthsInputError('NEGATIVE_SOURCE_AVAILABLE', `${label} has ${source.available} available`);
    }
    const identity = JSON.stringify([source.kind, source.sourceId, source.contributionId ?? null]);
    if (seen.has(identity)) throw new FundedMonthsInputError('DUPLICATE_SOURCE', `${label} is listed twice`);
    seen.add(identity);
  }
};

const describeSource = (source: ReconciliationSource): string =>
  `${source.kind} source ${source.sourceId}${source.contributionId === undefined ? '' : `/${source.contributionId}`}`;
