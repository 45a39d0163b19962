import { compareMonths, type Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { allocateFundedMonths } from './funded-months.allocation';
import type { MonthAllocation, ReconciliationSource } from './funded-months.types';
import { monthlyCosts } from './monthly-costs';
import { MonthsFunded } from './months-funded';

export interface FundedMonthsInput {
  readonly awardId: string;
  readonly provisionStart: Month;
  /** The award window's end, or the latest ProvisionExtended. */
  readonly provisionEnd: Month;
  readonly profile?: Readonly<Record<Month, Money>>;
  readonly committedTotal: Money;
  readonly sources: readonly ReconciliationSource[];
}

export interface SourceReconciliation {
  readonly source: ReconciliationSource;
  readonly used: Money;
  readonly unused: Money;
  /** Unused money whose window has ended by the provision end: returnable to the funder. */
  readonly lapsed: Money;
  /** Σ over months of share/cost, exact. */
  readonly monthsFunded: MonthsFunded;
  /** Months in which this source paid something. */
  readonly months: readonly Month[];
}

export interface FundedMonthsReport {
  readonly awardId: string;
  readonly provision: { readonly start: Month; readonly end: Month; readonly months: number };
  readonly profile: 'flat' | 'set';
  readonly profileMissingMonths: readonly Month[];
  readonly months: readonly MonthAllocation[];
  /** In the order given. */
  readonly sources: readonly SourceReconciliation[];
  readonly totals: {
    readonly cost: Money;
    readonly funded: Money;
    readonly shortfall: Money;
    readonly fundedMonths: MonthsFunded;
    readonly firstShortfallMonth: Month | null;
  };
}

/** DESIGN §5: planned monthly costs, allocated to the sources, reported per month, per source and in total. */
export const reconcileFundedMonths = (input: FundedMonthsInput): FundedMonthsReport => {
  const costs = monthlyCosts(input);
  const months = allocateFundedMonths(costs.months, input.sources);
  return {
    awardId: input.awardId,
    provision: { start: input.provisionStart, end: input.provisionEnd, months: costs.months.length },
    profile: costs.profile,
    profileMissingMonths: costs.profileMissingMonths,
    months,
    sources: input.sources.map((source) => reconcileSource(source, months, input.provisionEnd)),
    totals: {
      cost: Money.sum(months.map((m) => m.cost)),
      funded: Money.sum(months.flatMap((m) => m.shares.map((share) => share.amount))),
      shortfall: Money.sum(months.map((m) => m.shortfall)),
      fundedMonths: MonthsFunded.sum(months.map(fundedPartOfMonth)),
      firstShortfallMonth: months.find((m) => m.shortfall.isPositive())?.month ?? null,
    },
  };
};

const reconcileSource = (
  source: ReconciliationSource,
  months: readonly MonthAllocation[],
  provisionEnd: Month,
): SourceReconciliation => {
  const paid = months.flatMap(({ month, cost, shares }) =>
    shares.filter((share) => share.source === source).map((share) => ({ month, cost, amount: share.amount })),
  );
  const used = Money.sum(paid.map((p) => p.amount));
  const unused = source.available.minus(used);
  // A window that runs past the provision end may still pay for later provision, so only money
  // whose window has closed by then is lost to the programme and goes back to the funder.
  const windowClosed = compareMonths(source.windowEnd, provisionEnd) <= 0;
  return {
    source,
    used,
    unused,
    lapsed: windowClosed ? unused : Money.zero(),
    // A share is only ever taken from a month with a positive cost, so the ratio is always defined.
    monthsFunded: MonthsFunded.sum(paid.map((p) => MonthsFunded.ratio(p.amount, p.cost))),
    months: paid.map((p) => p.month),
  };
};

/**
 * A month with nothing to pay has nothing unmet, so it counts as fully provided for; otherwise an
 * empty month (say, an actual month with no payments) would read as a gap in provision and the total
 * could not reach the number of months even when every cost is met.
 */
const fundedPartOfMonth = ({ cost, shortfall }: MonthAllocation): MonthsFunded =>
  cost.isZero() ? MonthsFunded.whole(1) : MonthsFunded.ratio(cost.minus(shortfall), cost);
