import { compareMonths, monthOfDate, monthsInRange, type Month } from '@fundledger/calendar';
import { provisionEnd, type Award } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import type { AwardView } from '../ledger/ledger-view';
import { reconciliationSources } from './award-to-reconciliation';
import { allocateFundedMonths } from './funded-months.allocation';
import type { MonthAllocation, MonthlyCost, ReconciliationSource } from './funded-months.types';

/** One source's part of the actual spend. */
export interface ActualSourceUse {
  readonly source: ReconciliationSource;
  /** Used to date. */
  readonly used: Money;
  /** Available − used to date. */
  readonly remaining: Money;
  /** Months in which it paid something, oldest first. */
  readonly byMonth: ReadonlyArray<{ readonly month: Month; readonly amount: Money }>;
}

export interface ActualsReport {
  readonly awardId: string;
  readonly upTo: Month | null;
  /** The months reported, or null when there are none (upTo before anything began). */
  readonly period: { readonly start: Month; readonly end: Month } | null;
  /** cost = paid in the month, net of reversals. */
  readonly months: readonly MonthAllocation[];
  /** In the same order as the planned reconciliation's sources. */
  readonly sources: readonly ActualSourceUse[];
  readonly totals: { readonly paid: Money; readonly funded: Money; readonly shortfall: Money };
}

/**
 * Paid per month (by paidOn), up to and including `upTo`. A reversed disbursement counts nothing in
 * any month: a reversal undoes a payment that should not have happened, it is not a refund dated when
 * it was recorded. What was known when is the as-at fold's business, not this function's.
 */
export const paymentsByMonth = (award: Award, upTo?: Month): Map<Month, Money> => {
  const paid = new Map<Month, Money>();
  for (const d of award.disbursements.values()) {
    const month = monthOfDate(d.paidOn);
    if (d.reversed || (upTo !== undefined && compareMonths(month, upTo) > 0)) continue;
    paid.set(month, (paid.get(month) ?? Money.zero()).plus(d.amount));
  }
  return paid;
};

/**
 * The months reported run from the provision start (or an earlier payment) to `upTo`, or without it
 * to the provision end (or a later payment), so a month with nothing paid reads as 0.00, not as absent.
 */
const reportedMonths = (award: Award, paid: ReadonlyMap<Month, Money>, upTo?: Month): Month[] => {
  const byMonth = [...paid.keys()].sort(compareMonths);
  const earlier = (a: Month, b: Month): Month => (compareMonths(a, b) <= 0 ? a : b);
  const later = (a: Month, b: Month): Month => (compareMonths(a, b) >= 0 ? a : b);
  const [first, last] = [byMonth[0], byMonth[byMonth.length - 1]];
  const start = first === undefined ? award.window.start : earlier(award.window.start, first);
  const end = upTo ?? (last === undefined ? provisionEnd(award) : later(provisionEnd(award), last));
  return monthsInRange(start, end);
};

/**
 * DESIGN §5, last paragraph: actual payments allocated to the award and its match funding by the same
 * rule as the plan (earliest-ending window first), so a return can say how much of what was spent came
 * from the funder and how much from each partner.
 */
export const actualsFor = (view: AwardView, upTo?: Month): ActualsReport => {
  const { award } = view;
  const paid = paymentsByMonth(award, upTo);
  const months = reportedMonths(award, paid, upTo);
  const costs: MonthlyCost[] = months.map((month) => ({ month, cost: paid.get(month) ?? Money.zero() }));
  const sources = reconciliationSources(award);
  const allocation = allocateFundedMonths(costs, sources);
  return {
    awardId: award.awardId,
    upTo: upTo ?? null,
    period: months.length === 0 ? null : { start: months[0], end: months[months.length - 1] },
    months: allocation,
    sources: sources.map((source) => sourceUse(source, allocation)),
    totals: {
      paid: Money.sum(allocation.map((m) => m.cost)),
      funded: Money.sum(allocation.flatMap((m) => m.shares.map((s) => s.amount))),
      shortfall: Money.sum(allocation.map((m) => m.shortfall)),
    },
  };
};

const sourceUse = (source: ReconciliationSource, allocation: readonly MonthAllocation[]): ActualSourceUse => {
  const byMonth = allocation.flatMap(({ month, shares }) =>
    shares.filter((share) => share.source === source).map((share) => ({ month, amount: share.amount })),
  );
  const used = Money.sum(byMonth.map((m) => m.amount));
  return { source, used, remaining: source.available.minus(used), byMonth };
};
