import { InvalidCalendarValueError, requireString } from './invalid-calendar-value.error';
import { checkYearAndMonth, daysInMonth, Month, monthName } from './month';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function checkRealDate(field: string, yearText: string, monthText: string, dayText: string): [number, number, number] {
  const [year, month] = checkYearAndMonth(field, yearText, monthText);
  const day = Number(dayText);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    throw new InvalidCalendarValueError(
      field,
      `${yearText}-${monthText}-${dayText} is not a real date: ${monthName(month)} ${yearText} has ${days} days`,
    );
  }
  return [year, month, day];
}

export function parseDate(value: unknown, field = 'date'): IsoDate {
  const text = requireString(value, field);
  const match = DATE.exec(text);
  if (!match) throw new InvalidCalendarValueError(field, 'must be a date like 2022-03-31 (YYYY-MM-DD)');
  checkRealDate(field, match[1], match[2], match[3]);
  return text;
}

/**
 * A moment in time, e.g. an as-at for audit replay. A date-time must say its time zone: a local time
 * would be read differently on a server in UTC and a laptop in BST, and the figures with it. A plain
 * date means midnight UTC. Fractions beyond milliseconds are cut off, not rounded: the log records
 * milliseconds, so "as at 12:00:00.9999" and "as at 12:00:00.999" select the same events.
 */
export function parseInstant(value: unknown, field = 'instant'): string {
  const text = requireString(value, field);
  const match = INSTANT.exec(text);
  const reject = (reason: string): never => {
    throw new InvalidCalendarValueError(field, reason);
  };
  if (!match) return reject('must be an ISO-8601 date-time with a time zone, like 2022-03-31T23:59:59Z');
  const [, yearText, monthText, dayText, hourText, minuteText, secondText = '00', fraction = '', zone] = match;
  if (hourText !== undefined && zone === undefined) {
    return reject('must include a time zone: Z or an offset like +01:00');
  }
  const [year, month, day] = checkRealDate(field, yearText, monthText, dayText);
  const [hour, minute, second] = [Number(hourText ?? 0), Number(minuteText ?? 0), Number(secondText)];
  if (hour > 23 || minute > 59 || second > 59) {
    return reject(`${hourText}:${minuteText}:${secondText} is not a real time of day`);
  }
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : parseOffsetMinutes(zone, reject);

  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 into the 1900s.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offsetMinutes, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return reject('must fall between the years 0001 and 9999 in UTC');
  return instant.toISOString();
}

function parseOffsetMinutes(zone: string, reject: (reason: string) => never): number {
  const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (hours > 23 || minutes > 59) return reject(`time zone offset ${zone} is not a real offset`);
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

export function monthOfDate(date: IsoDate): Month {
  return parseDate(date).slice(0, 7);
}
