import { monthsInRange, type Month } from '@fundledger/calendar';
import { Money, splitEven } from '@fundledger/money';
import { FundedMonthsInputError } from './funded-months.errors';
import type { MonthlyCost } from './funded-months.types';

export interface MonthlyCostsInput {
  readonly provisionStart: Month;
  readonly provisionEnd: Month;
  /** The spend profile (SpendProfileSet), if one was set. */
  readonly profile?: Readonly<Record<Month, Money>>;
  readonly committedTotal: Money;
}

export interface MonthlyCosts {
  readonly profile: 'flat' | 'set';
  /** Every provision month, oldest first. */
  readonly months: readonly MonthlyCost[];
  /** Provision months the profile does not cover (always empty for a flat spread). */
  readonly profileMissingMonths: readonly Month[];
}

/**
 * The planned cost of each provision month (DESIGN §5 step 2).
 *
 * With a profile, each month costs what the profile says. A month the profile does not cover (the
 * period was extended after the profile was set) costs zero and is listed, so the report can say the
 * profile is incomplete instead of silently inventing a figure. Profile months outside the provision
 * period are ignored: the reconciliation is of the provision period only, and no source may pay for
 * provision outside it.
 *
 * Without a profile, the committed total is split evenly with `splitEven`: floor to the penny, the
 * leftover pennies one each to the earliest months, so the months sum exactly to the committed total.
 */
export const monthlyCosts = (input: MonthlyCostsInput): MonthlyCosts => {
  const { provisionStart, provisionEnd, profile, committedTotal } = input;
  const provisionMonths = monthsInRange(provisionStart, provisionEnd);
  if (provisionMonths.length === 0) {
    throw new FundedMonthsInputError(
      'EMPTY_PROVISION_PERIOD',
      `provision period ${provisionStart}..${provisionEnd} has no months: its end is before its start`,
    );
  }

  if (profile === undefined) {
    const costs = splitEven(committedTotal, provisionMonths.length);
    return {
      profile: 'flat',
      months: provisionMonths.map((month, i) => ({ month, cost: costs[i] })),
      profileMissingMonths: [],
    };
  }

  const covered = (month: Month): boolean => Object.prototype.hasOwnProperty.call(profile, month);
  return {
    profile: 'set',
    months: provisionMonths.map((month) => ({ month, cost: covered(month) ? profile[month] : Money.zero() })),
    profileMissingMonths: provisionMonths.filter((month) => !covered(month)),
  };
};
