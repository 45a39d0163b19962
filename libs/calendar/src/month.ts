import type { IsoDate } from './date';
import { InvalidCalendarValueError, requireString } from './invalid-calendar-value.error';

/** A calendar month, 'YYYY-MM'. */
export type Month = string;

const MONTH = /^(\d{4})-(\d{2})$/;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

export const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar, the one ISO-8601 uses. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const monthName = (month: number): string => MONTH_NAMES[month - 1];

/** Checks a year and month already split out of a string, so dates and instants report alike. */
export function checkYearAndMonth(field: string, yearText: string, monthText: string): [number, number] {
  const [year, month] = [Number(yearText), Number(monthText)];
  if (year < FIRST_YEAR) throw new InvalidCalendarValueError(field, `year ${yearText} does not exist`);
  if (month < 1 || month > 12) {
    throw new InvalidCalendarValueError(field, `month ${monthText} does not exist: months run from 01 to 12`);
  }
  return [year, month];
}

export function parseMonth(value: unknown, field = 'month'): Month {
  const text = requireString(value, field);
  const match = MONTH.exec(text);
  if (!match) throw new InvalidCalendarValueError(field, 'must be a month like 2022-04 (YYYY-MM)');
  checkYearAndMonth(field, match[1], match[2]);
  return text;
}

// Months as a count since year 0 make month arithmetic plain integer arithmetic.
const toIndex = (month: Month, field: string): number => {
  const [year, monthOfYear] = parseMonth(month, field).split('-').map(Number);
  return year * 12 + monthOfYear - 1;
};

const fromIndex = (index: number): Month => {
  const year = Math.floor(index / 12);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`month arithmetic left the years ${pad(FIRST_YEAR, 4)} to ${LAST_YEAR}`);
  }
  return `${pad(year, 4)}-${pad((index % 12) + 1, 2)}`;
};

export function addMonths(month: Month, n: number): Month {
  if (!Number.isSafeInteger(n)) throw new RangeError(`cannot add ${n} months: must be a whole number`);
  return fromIndex(toIndex(month, 'month') + n);
}

/** Every month from start to end inclusive; [] when end < start. */
export function monthsInRange(start: Month, end: Month): Month[] {
  const [first, last] = [toIndex(start, 'start'), toIndex(end, 'end')];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => fromIndex(first + offset));
}

// Well-formed months order as text. The reconciliation compares months in its inner loop, so only
// malformed input pays for the full parse (and gets its precise error).
const WELL_FORMED_MONTH = /^(?!0000)\d{4}-(?:0[1-9]|1[0-2])$/;

export function compareMonths(a: Month, b: Month): number {
  if (WELL_FORMED_MONTH.test(a) && WELL_FORMED_MONTH.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Math.sign(toIndex(a, 'a') - toIndex(b, 'b'));
}

export function lastDayOfMonth(month: Month): IsoDate {
  const [year, monthOfYear] = parseMonth(month).split('-').map(Number);
  return `${month}-${pad(daysInMonth(year, monthOfYear), 2)}`;
}
