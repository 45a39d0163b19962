export { InvalidCalendarValueError } from './invalid-calendar-value.error';
export type { Month } from './month';
export { parseMonth, addMonths, monthsInRange, compareMonths, lastDayOfMonth } from './month';
export type { IsoDate } from './date';
export { parseDate, parseInstant, monthOfDate } from './date';
export { parseFinancialYear, financialYearOfMonth, quarterMonths, quarterEndDate } from './financial-year';
export { ukDateOf } from './uk-date';
