import { compareMonths, monthOfDate, quarterEndDate, quarterMonths, type IsoDate, type Month } from '@fundledger/calendar';
import type { Organisation } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import {
  actualsFor,
  allocateFundedMonths,
  fundedMonthsInputFor,
  monthlyCosts,
  reconciliationSources,
  type AwardView,
  type MonthAllocation,
  type ReconciliationSource,
  paymentsOutsideProvision,
  type PaymentOutsideProvision,
} from '@fundledger/projections';
import type { MatchReceipt } from '../award-record/award-record';

/** Every amount is a fixed 2-dp string; months 'YYYY-MM'; dates 'YYYY-MM-DD'. */
export interface SourceAmount {
  readonly sourceId: string;
  readonly name: string;
  readonly kind: 'funder' | 'match';
  readonly contributionId?: string;
  readonly amount: string;
}

/** Spend split by where the money came from; total = funder + match + unfunded. */
export interface SpendSplit {
  readonly total: string;
  readonly funder: string;
  readonly match: string;
  /** Paid, but met by no source (outside every window, or beyond what the sources hold). */
  readonly unfunded: string;
  readonly bySource: readonly SourceAmount[];
}

export interface MonthVariance {
  readonly month: Month;
  readonly planned: string;
  readonly actual: string;
  /** actual − planned: negative is an underspend against the profile. */
  readonly variance: string;
  /** Left for the returns officer to explain; filled from SubmitReturn's varianceReasons. */
  readonly varianceReason: string | null;
}

export interface ForecastMonth {
  readonly month: Month;
  readonly planned: string;
  readonly funder: string;
  readonly match: string;
  readonly unfunded: string;
}

export interface HomeOfficeReturn {
  readonly awardId: string;
  readonly funder: Organisation;
  readonly recipient: Organisation;
  readonly financialYear: string;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly period: { readonly start: IsoDate; readonly end: IsoDate; readonly months: readonly Month[] };
  readonly window: { readonly start: Month; readonly end: Month };
  readonly provisionEnd: Month;
  /** The award stream as read: the return states the ledger as known at this revision. */
  readonly asAt: { readonly revision: string; readonly position: string; readonly recordedAt: string };
  readonly spend: { readonly quarter: SpendSplit; readonly toDate: SpendSplit };
  readonly matchFundingReceived: {
    readonly quarter: string;
    readonly toDate: string;
    readonly byContribution: ReadonlyArray<{
      readonly contributionId: string;
      readonly contributor: Organisation;
      readonly quarter: string;
      readonly toDate: string;
    }>;
  };
  /** The months after the quarter up to the end of the funder's window, at the planned cost. */
  readonly forecast: {
    readonly spendProfile: 'set' | 'flat';
    readonly profileMissingMonths: readonly Month[];
    readonly months: readonly ForecastMonth[];
    readonly total: string;
    readonly funder: string;
    readonly match: string;
    readonly unfunded: string;
  };
  /** Money that would be unused when its window ends if the forecast holds: the funder's is returnable. */
  readonly forecastLapse: { readonly total: string; readonly funder: string; readonly match: string; readonly bySource: readonly SourceAmount[] };
  /**
   * Payments up to the quarter's end dated outside the provision months: accepted (late invoices happen)
   * and counted in their month, but flagged for the funder.
   */
  readonly paymentsOutsideProvision: readonly PaymentOutsideProvision[];
  readonly variance: {
    readonly months: readonly MonthVariance[];
    readonly quarter: { readonly planned: string; readonly actual: string; readonly variance: string };
    readonly toDate: { readonly planned: string; readonly actual: string; readonly variance: string };
  };
}

export interface HomeOfficeReturnOptions {
  /** The officer's explanations of variances, by month of the quarter. */
  readonly varianceReasons?: Readonly<Record<Month, string>>;
}

const text = (amount: Money): string => amount.toString();
const isFunder = (source: ReconciliationSource): boolean => source.kind === 'award';
/** actualsFor builds its own source objects, so sources are matched by identity, never by reference. */
const sameSource = (a: ReconciliationSource, b: ReconciliationSource): boolean =>
  a.kind === b.kind && a.sourceId === b.sourceId && a.contributionId === b.contributionId;
const usedBy = (allocation: readonly MonthAllocation[], source: ReconciliationSource): Money =>
  Money.sum(allocation.flatMap((m) => m.shares.filter((s) => sameSource(s.source, source)).map((s) => s.amount)));

/**
 * The Home Office return of one award for one UK financial-year quarter (DESIGN §1).
 *
 * Actual spend is what was paid by `paidOn` month, net of reversals, attributed to the funder and the
 * match contributions by the same allocation as the plan (DESIGN §5, applied to actuals: actualsFor).
 * The forecast continues that allocation with the planned monthly cost (the spend profile, or the
 * committed total spread evenly) for every month after the quarter, so the funder's money the actuals
 * already used is not counted twice; what any source would still hold when its window ends is the
 * forecast lapse. Figures after the quarter end are never in the actuals: a return for Q2 made in Q4
 * states Q2 as paid, though it uses the award amounts and windows as they stand now.
 */
export const homeOfficeReturn = (
  view: AwardView,
  financialYear: string,
  quarter: 1 | 2 | 3 | 4,
  matchReceipts: readonly MatchReceipt[],
  options: HomeOfficeReturnOptions = {},
): HomeOfficeReturn => {
  const { award } = view;
  const months = quarterMonths(financialYear, quarter);
  const quarterEnd = months[2];
  const inQuarter = (month: Month): boolean => months.includes(month);
  const upToQuarterEnd = (month: Month): boolean => compareMonths(month, quarterEnd) <= 0;

  const actuals = actualsFor(view, quarterEnd);
  const input = fundedMonthsInputFor(award);
  const plan = monthlyCosts(input);
  const planned = new Map(plan.months.map(({ month, cost }) => [month, cost]));
  const plannedIn = (month: Month): Money => planned.get(month) ?? Money.zero();
  const paidIn = new Map(actuals.months.map(({ month, cost }) => [month, cost]));
  const actualIn = (month: Month): Money => paidIn.get(month) ?? Money.zero();

  // The actual months first, then the plan for every later month: one allocation, oldest first, as §5.
  const sources = reconciliationSources(award);
  const later = plan.months.filter(({ month }) => !upToQuarterEnd(month));
  const projected = allocateFundedMonths([...actuals.months.map(({ month, cost }) => ({ month, cost })), ...later], sources);
  const forecastMonths = projected.filter(
    ({ month }) => !upToQuarterEnd(month) && compareMonths(month, award.window.end) <= 0,
  );

  const nameOf = (source: ReconciliationSource): string =>
    isFunder(source) ? award.funder.name : (award.contributions.get(source.contributionId!)?.contributor.name ?? source.sourceId);
  const amountOf = (source: ReconciliationSource, amount: Money): SourceAmount => ({
    sourceId: source.sourceId,
    name: nameOf(source),
    kind: isFunder(source) ? 'funder' : 'match',
    ...(source.contributionId === undefined ? {} : { contributionId: source.contributionId }),
    amount: text(amount),
  });
  const split = (allocation: readonly MonthAllocation[]): SpendSplit => {
    const used = (source: ReconciliationSource): Money => usedBy(allocation, source);
    const funder = Money.sum(sources.filter(isFunder).map(used));
    const match = Money.sum(sources.filter((s) => !isFunder(s)).map(used));
    const unfunded = Money.sum(allocation.map((m) => m.shortfall));
    return {
      total: text(funder.plus(match).plus(unfunded)),
      funder: text(funder),
      match: text(match),
      unfunded: text(unfunded),
      bySource: sources.map((source) => amountOf(source, used(source))),
    };
  };

  const lapses = sources.map((source) => {
    const used = usedBy(projected, source);
    // As in the reconciliation: a window that runs past the provision end may still pay for provision.
    const lapses = compareMonths(source.windowEnd, input.provisionEnd) <= 0;
    return { source, lapse: lapses ? source.available.minus(used) : Money.zero() };
  });
  const lapseOf = (which: (source: ReconciliationSource) => boolean): Money =>
    Money.sum(lapses.filter(({ source }) => which(source)).map(({ lapse }) => lapse));

  const varianceOf = (plannedAmount: Money, actual: Money) => ({
    planned: text(plannedAmount),
    actual: text(actual),
    variance: text(actual.minus(plannedAmount)),
  });
  const plannedToDate = Money.sum(plan.months.filter(({ month }) => upToQuarterEnd(month)).map(({ cost }) => cost));

  const receiptsIn = (contributionId: string, which: (month: Month) => boolean): Money =>
    Money.sum(
      matchReceipts
        .filter((r) => r.contributionId === contributionId && which(monthOfDate(r.receivedOn)))
        .map((r) => Money.fromString(r.amount)),
    );
  const contributions = [...award.contributions.values()].map((c) => ({
    contributionId: c.contributionId,
    contributor: c.contributor,
    quarter: receiptsIn(c.contributionId, inQuarter),
    toDate: receiptsIn(c.contributionId, upToQuarterEnd),
  }));

  const shareTo = (m: MonthAllocation, which: (source: ReconciliationSource) => boolean): Money =>
    Money.sum(m.shares.filter((s) => which(s.source)).map((s) => s.amount));

  return {
    awardId: award.awardId,
    funder: award.funder,
    recipient: award.recipient,
    financialYear,
    quarter,
    period: { start: `${months[0]}-01`, end: quarterEndDate(financialYear, quarter), months },
    window: { start: award.window.start, end: award.window.end },
    provisionEnd: input.provisionEnd,
    asAt: { revision: view.revision, position: view.lastPosition, recordedAt: view.lastRecordedAt },
    spend: {
      quarter: split(actuals.months.filter(({ month }) => inQuarter(month))),
      toDate: split(actuals.months),
    },
    matchFundingReceived: {
      quarter: text(Money.sum(contributions.map((c) => c.quarter))),
      toDate: text(Money.sum(contributions.map((c) => c.toDate))),
      byContribution: contributions.map((c) => ({ ...c, quarter: text(c.quarter), toDate: text(c.toDate) })),
    },
    forecast: {
      spendProfile: plan.profile,
      profileMissingMonths: [...plan.profileMissingMonths],
      months: forecastMonths.map((m) => ({
        month: m.month,
        planned: text(m.cost),
        funder: text(shareTo(m, isFunder)),
        match: text(shareTo(m, (s) => !isFunder(s))),
        unfunded: text(m.shortfall),
      })),
      total: text(Money.sum(forecastMonths.map((m) => m.cost))),
      funder: text(Money.sum(forecastMonths.map((m) => shareTo(m, isFunder)))),
      match: text(Money.sum(forecastMonths.map((m) => shareTo(m, (s) => !isFunder(s))))),
      unfunded: text(Money.sum(forecastMonths.map((m) => m.shortfall))),
    },
    forecastLapse: {
      total: text(lapseOf(() => true)),
      funder: text(lapseOf(isFunder)),
      match: text(lapseOf((s) => !isFunder(s))),
      bySource: lapses.map(({ source, lapse }) => amountOf(source, lapse)),
    },
    paymentsOutsideProvision: paymentsOutsideProvision(award).filter((p) => p.paidOn <= quarterEndDate(financialYear, quarter)),
    variance: {
      months: months.map((month) => ({
        month,
        ...varianceOf(plannedIn(month), actualIn(month)),
        varianceReason: options.varianceReasons?.[month] ?? null,
      })),
      quarter: varianceOf(Money.sum(months.map(plannedIn)), Money.sum(months.map(actualIn))),
      toDate: varianceOf(plannedToDate, actuals.totals.paid),
    },
  };
};
