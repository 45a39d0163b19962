import type { IsoDate } from './date';
import { InvalidCalendarValueError, requireString } from './invalid-calendar-value.error';
import { addMonths, lastDayOfMonth, Month, pad, parseMonth } from './month';

/*
 * The UK government financial year runs April to March and is written 'YYYY-YY': '2021-22' is
 * 2021-04 to 2022-03. Home Office returns are made by its quarters: Q1 Apr-Jun, Q2 Jul-Sep,
 * Q3 Oct-Dec, Q4 Jan-Mar.
 */

const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/;
const FIRST_MONTH_OF_YEAR = 4;

const format = (startYear: number): string => `${pad(startYear, 4)}-${pad((startYear + 1) % 100, 2)}`;

export function parseFinancialYear(value: unknown, field = 'financialYear'): string {
  const text = requireString(value, field);
  const match = FINANCIAL_YEAR.exec(text);
  if (!match) throw new InvalidCalendarValueError(field, 'must be a UK financial year like 2021-22 (YYYY-YY)');
  const startYear = Number(match[1]);
  if (startYear < 1 || startYear > 9998) {
    throw new InvalidCalendarValueError(field, `${text} is outside the financial years 0001-02 to 9998-99`);
  }
  if (format(startYear) !== text) {
    throw new InvalidCalendarValueError(
      field,
      `${text} is not a financial year: the year starting April ${match[1]} is ${format(startYear)}`,
    );
  }
  return text;
}

export function financialYearOfMonth(month: Month): string {
  const [year, monthOfYear] = parseMonth(month).split('-').map(Number);
  return format(monthOfYear >= FIRST_MONTH_OF_YEAR ? year : year - 1);
}

export function quarterMonths(financialYear: string, quarter: 1 | 2 | 3 | 4): Month[] {
  const startYear = Number(parseFinancialYear(financialYear).slice(0, 4));
  if (![1, 2, 3, 4].includes(quarter)) {
    throw new InvalidCalendarValueError('quarter', `must be 1, 2, 3 or 4, got ${String(quarter)}`);
  }
  const first = addMonths(`${pad(startYear, 4)}-${pad(FIRST_MONTH_OF_YEAR, 2)}`, 3 * (quarter - 1));
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

export function quarterEndDate(financialYear: string, quarter: 1 | 2 | 3 | 4): IsoDate {
  return lastDayOfMonth(quarterMonths(financialYear, quarter)[2]);
}
