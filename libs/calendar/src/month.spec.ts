import fc from 'fast-check';
import { addMonths, compareMonths, InvalidCalendarValueError, lastDayOfMonth, monthsInRange, parseMonth } from './index';

const reasonFor = (value: unknown): string => {
  try {
    parseMonth(value, 'window.start');
  } catch (error) {
    if (error instanceof InvalidCalendarValueError) return error.reason;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
};

describe('a month', () => {
  it.each(['2022-04', '2021-12', '2024-01', '0001-01', '9999-12'])('accepts %s', (month) => {
    expect(parseMonth(month)).toBe(month);
  });

  it.each<[string, unknown, string]>([
    ['a number', 202204, 'must be a string, got number'],
    ['a missing value', undefined, 'must be a string, got undefined'],
    ['a Date object', new Date(0), 'must be a string, got object'],
    ['month 13', '2022-13', 'month 13 does not exist: months run from 01 to 12'],
    ['month 00', '2022-00', 'month 00 does not exist: months run from 01 to 12'],
    ['year 0000', '0000-01', 'year 0000 does not exist'],
    ['a single-digit month', '2022-4', 'must be a month like 2022-04 (YYYY-MM)'],
    ['a date', '2022-04-01', 'must be a month like 2022-04 (YYYY-MM)'],
    ['a slash', '2022/04', 'must be a month like 2022-04 (YYYY-MM)'],
    ['surrounding whitespace', ' 2022-04', 'must be a month like 2022-04 (YYYY-MM)'],
    ['a month name', 'April 2022', 'must be a month like 2022-04 (YYYY-MM)'],
  ])('refuses %s', (_case, value, reason) => {
    expect(reasonFor(value)).toBe(reason);
  });

  it('names the field in the message', () => {
    expect(() => parseMonth('2022-13', 'window.end')).toThrow(
      expect.objectContaining({ code: 'INVALID_CALENDAR_VALUE', field: 'window.end', message: 'window.end: month 13 does not exist: months run from 01 to 12' }),
    );
  });
});

describe('month arithmetic', () => {
  it('adds months across year ends, forwards and back', () => {
    expect(addMonths('2021-11', 3)).toBe('2022-02');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2022-05', 0)).toBe('2022-05');
  });

  it('refuses a fractional number of months and leaving the four-digit years', () => {
    expect(() => addMonths('2022-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
  });

  it('lists an inclusive range of months, and none when the end comes first', () => {
    expect(monthsInRange('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthsInRange('2022-03', '2022-03')).toEqual(['2022-03']);
    expect(monthsInRange('2022-03', '2022-02')).toEqual([]);
  });

  it('refuses a range whose ends are not months', () => {
    expect(() => monthsInRange('2022-3', '2022-04')).toThrow('start: must be a month like 2022-04 (YYYY-MM)');
  });

  it('orders months', () => {
    expect(['2022-01', '2021-12', '2022-01'].sort(compareMonths)).toEqual(['2021-12', '2022-01', '2022-01']);
    expect(compareMonths('2022-01', '2021-12')).toBe(1);
    expect(compareMonths('2021-12', '2022-01')).toBe(-1);
    expect(compareMonths('2022-01', '2022-01')).toBe(0);
  });

  it.each([
    ['2022-02', '2022-02-28'],
    ['2024-02', '2024-02-29'],
    ['2000-02', '2000-02-29'],
    ['1900-02', '1900-02-28'],
    ['2022-04', '2022-04-30'],
    ['2022-10', '2022-10-31'],
  ])('knows the last day of %s is %s', (month, day) => {
    expect(lastDayOfMonth(month)).toBe(day);
  });

  it('has the range from a start over n months hold n months, ending n - 1 months later', () => {
    const month = fc.tuple(fc.integer({ min: 1000, max: 9000 }), fc.integer({ min: 1, max: 12 }))
      .map(([year, m]) => `${year}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(month, fc.integer({ min: 1, max: 240 }), (start, n) => {
        const range = monthsInRange(start, addMonths(start, n - 1));
        expect(range).toHaveLength(n);
        expect(addMonths(addMonths(start, n), -n)).toBe(start);
        range.slice(1).forEach((m, i) => expect(compareMonths(range[i], m)).toBe(-1));
      }),
    );
  });
});
