import type { Month } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';

/**
 * One pot of money the reconciliation may draw on (DESIGN §5 step 3): the award, or one match
 * contribution. Deliberately free of the award aggregate so the same allocation can run on planned
 * costs and on actual payments.
 */
export interface ReconciliationSource {
  /** The funder's organisation id for the award, the contributor's for match funding. */
  readonly sourceId: string;
  readonly kind: 'award' | 'match';
  /** Set for match funding: one organisation may pledge more than one contribution. */
  readonly contributionId?: string;
  /** First and last month (inclusive) in which this money may be spent. */
  readonly windowStart: Month;
  readonly windowEnd: Month;
  /** Award: its current amount. Match: pledged − withdrawn. Never negative. */
  readonly available: Money;
}

/** What provision costs in one month: planned (spend profile) or actual (payments by month). */
export interface MonthlyCost {
  readonly month: Month;
  readonly cost: Money;
}

/** One source's part of one month's cost. */
export interface SourceShare {
  readonly source: ReconciliationSource;
  readonly amount: Money;
}

/** How one month's cost was met: shares in allocation order (non-zero only), and what no source met. */
export interface MonthAllocation {
  readonly month: Month;
  readonly cost: Money;
  readonly shares: readonly SourceShare[];
  readonly shortfall: Money;
}
