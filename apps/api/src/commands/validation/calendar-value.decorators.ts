import { parseDate, parseFinancialYear, parseInstant, parseMonth } from '@fundledger/calendar';
import { parsedBy } from './parser-constraint';

/** A real calendar month, `YYYY-MM`. */
export const IsMonth = parsedBy('isMonth', parseMonth);

/** A real calendar date, `YYYY-MM-DD`. */
export const IsIsoDate = parsedBy('isIsoDate', parseDate);

/** A UK financial year, `2021-22`. */
export const IsFinancialYear = parsedBy('isFinancialYear', parseFinancialYear);

/** An ISO-8601 instant with its offset, e.g. `2022-03-31T23:59:59Z`. */
export const IsInstant = parsedBy('isInstant', parseInstant);
