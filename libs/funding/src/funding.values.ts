import type { Month } from '@fundledger/calendar';

/** Funder, recipient, contributor, grantee: a 360Giving org identifier where one is known, else a local slug. */
// Type aliases, not interfaces: event data built from them must stay assignable to JSON object types.
export type Organisation = {
  readonly id: string;
  readonly name: string;
};

/** Inclusive range of calendar months, e.g. an eligibility window 2021-10 to 2022-05. */
export type MonthWindow = {
  readonly start: Month;
  readonly end: Month;
};
