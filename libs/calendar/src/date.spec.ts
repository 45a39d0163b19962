import { InvalidCalendarValueError, monthOfDate, parseDate, parseInstant } from './index';

const reasonFor = (parse: (value: unknown) => string, value: unknown): string => {
  try {
    parse(value);
  } catch (error) {
    if (error instanceof InvalidCalendarValueError) return error.reason;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
};

describe('a date', () => {
  it.each(['2022-03-31', '2024-02-29', '2000-02-29', '2022-12-01'])('accepts the real date %s', (date) => {
    expect(parseDate(date)).toBe(date);
  });

  it.each<[string, unknown, string]>([
    ['30 February', '2023-02-30', '2023-02-30 is not a real date: February 2023 has 28 days'],
    ['29 February outside a leap year', '2023-02-29', '2023-02-29 is not a real date: February 2023 has 28 days'],
    ['29 February of a century not divisible by 400', '1900-02-29', '1900-02-29 is not a real date: February 1900 has 28 days'],
    ['31 April', '2022-04-31', '2022-04-31 is not a real date: April 2022 has 30 days'],
    ['day 00', '2022-04-00', '2022-04-00 is not a real date: April 2022 has 30 days'],
    ['month 13', '2022-13-01', 'month 13 does not exist: months run from 01 to 12'],
    ['a date-time', '2022-03-31T00:00:00Z', 'must be a date like 2022-03-31 (YYYY-MM-DD)'],
    ['British order', '31/03/2022', 'must be a date like 2022-03-31 (YYYY-MM-DD)'],
    ['single digits', '2022-3-1', 'must be a date like 2022-03-31 (YYYY-MM-DD)'],
    ['a number', 20220331, 'must be a string, got number'],
    ['null', null, 'must be a string, got null'],
  ])('refuses %s', (_case, value, reason) => {
    expect(reasonFor(parseDate, value)).toBe(reason);
  });

  it('names the field in the message', () => {
    expect(() => parseDate('2023-02-30', 'paidOn')).toThrow('paidOn: 2023-02-30 is not a real date');
  });

  it('belongs to its month', () => {
    expect(monthOfDate('2022-03-31')).toBe('2022-03');
  });
});

describe('an instant', () => {
  it.each([
    ['2022-03-31T23:59:59Z', '2022-03-31T23:59:59.000Z'],
    ['2022-03-31T23:59:59.5Z', '2022-03-31T23:59:59.500Z'],
    ['2022-03-31T23:59Z', '2022-03-31T23:59:00.000Z'],
    ['2022-06-30T12:00:00+01:00', '2022-06-30T11:00:00.000Z'],
    ['2022-01-01T00:30:00+01:00', '2021-12-31T23:30:00.000Z'],
    ['2022-03-31T20:00:00-05:30', '2022-04-01T01:30:00.000Z'],
    ['2022-03-31', '2022-03-31T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it('cuts fractions beyond the milliseconds the log records, never rounding into the next one', () => {
    expect(parseInstant('2022-03-31T23:59:59.9999999Z')).toBe('2022-03-31T23:59:59.999Z');
  });

  it.each<[string, unknown, string]>([
    ['a time without a zone', '2022-03-31T23:59:59', 'must include a time zone: Z or an offset like +01:00'],
    ['a space for the T', '2022-03-31 23:59:59Z', 'must be an ISO-8601 date-time with a time zone, like 2022-03-31T23:59:59Z'],
    ['an offset without a colon', '2022-03-31T12:00:00+0100', 'must be an ISO-8601 date-time with a time zone, like 2022-03-31T23:59:59Z'],
    ['a date in words', 'March 31, 2022', 'must be an ISO-8601 date-time with a time zone, like 2022-03-31T23:59:59Z'],
    ['epoch milliseconds', 1648771199000, 'must be a string, got number'],
    ['a Date object', new Date(0), 'must be a string, got object'],
    ['an unreal date', '2023-02-29T12:00:00Z', '2023-02-29 is not a real date: February 2023 has 28 days'],
    ['hour 24', '2022-03-31T24:00:00Z', '24:00:00 is not a real time of day'],
    ['a leap second', '2016-12-31T23:59:60Z', '23:59:60 is not a real time of day'],
    ['minute 60', '2022-03-31T12:60Z', '12:60:00 is not a real time of day'],
    ['an unreal offset', '2022-03-31T12:00:00+24:00', 'time zone offset +24:00 is not a real offset'],
    ['a moment before year 1 in UTC', '0001-01-01T00:30:00+01:00', 'must fall between the years 0001 and 9999 in UTC'],
  ])('refuses %s', (_case, value, reason) => {
    expect(reasonFor(parseInstant, value)).toBe(reason);
  });

  it('names the field in the message', () => {
    expect(() => parseInstant('yesterday', 'asAt')).toThrow(
      'asAt: must be an ISO-8601 date-time with a time zone, like 2022-03-31T23:59:59Z',
    );
  });
});
