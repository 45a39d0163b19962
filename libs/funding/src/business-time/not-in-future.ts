import type { IsoDate } from '@fundledger/calendar';
import { LedgerRuleBroken } from '../errors/funding.errors';

/**
 * DESIGN §4: no business date after today (UK time). A date to come is a forecast, not a fact the ledger
 * can record; `today` comes from the handler's clock, the domain never reads one.
 */
export const requireNotInFuture = (fact: { readonly field: string; readonly date: IsoDate }, today: IsoDate): void => {
  if (fact.date <= today) return;
  throw new LedgerRuleBroken(
    'BUSINESS_DATE_IN_FUTURE',
    `${fact.field} ${fact.date} is after today, ${today} (UK time): only what has happened can be recorded`,
    { [fact.field]: fact.date, today },
  );
};
