import {
  financialYearOfMonth,
  InvalidCalendarValueError,
  parseFinancialYear,
  quarterEndDate,
  quarterMonths,
} from './index';

const reasonFor = (value: unknown): string => {
  try {
    parseFinancialYear(value);
  } catch (error) {
    if (error instanceof InvalidCalendarValueError) return error.reason;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
};

describe('a UK financial year', () => {
  it.each(['2021-22', '1999-00', '2099-00'])('accepts %s', (year) => {
    expect(parseFinancialYear(year)).toBe(year);
  });

  it.each<[string, unknown, string]>([
    ['years that do not follow each other', '2021-23', '2021-23 is not a financial year: the year starting April 2021 is 2021-22'],
    ['the same year twice', '2021-21', '2021-21 is not a financial year: the year starting April 2021 is 2021-22'],
    ['a century turn written in full', '1999-2000', 'must be a UK financial year like 2021-22 (YYYY-YY)'],
    ['four-digit second year', '2021-2022', 'must be a UK financial year like 2021-22 (YYYY-YY)'],
    ['a slash', '2021/22', 'must be a UK financial year like 2021-22 (YYYY-YY)'],
    ['a number', 2021, 'must be a string, got number'],
  ])('refuses %s', (_case, value, reason) => {
    expect(reasonFor(value)).toBe(reason);
  });

  it.each([
    ['2021-04', '2021-22'],
    ['2022-03', '2021-22'],
    ['2022-04', '2022-23'],
    ['1999-12', '1999-00'],
    ['2000-01', '1999-00'],
  ])('puts %s in %s', (month, year) => {
    expect(financialYearOfMonth(month)).toBe(year);
  });

  describe('quarters', () => {
    it.each<[1 | 2 | 3 | 4, string[], string]>([
      [1, ['2021-04', '2021-05', '2021-06'], '2021-06-30'],
      [2, ['2021-07', '2021-08', '2021-09'], '2021-09-30'],
      [3, ['2021-10', '2021-11', '2021-12'], '2021-12-31'],
      [4, ['2022-01', '2022-02', '2022-03'], '2022-03-31'],
    ])('Q%s of 2021-22 is %j, ending %s', (quarter, months, end) => {
      expect(quarterMonths('2021-22', quarter)).toEqual(months);
      expect(quarterEndDate('2021-22', quarter)).toBe(end);
    });

    it('refuses a fifth quarter', () => {
      expect(() => quarterMonths('2021-22', 5 as 1)).toThrow('quarter: must be 1, 2, 3 or 4, got 5');
    });

    it('refuses a quarter of something that is not a financial year', () => {
      expect(() => quarterEndDate('2021-23', 1)).toThrow(InvalidCalendarValueError);
    });

    it('ends Q4 on 31 March, leap year or not', () => {
      expect(quarterEndDate('2023-24', 4)).toBe('2024-03-31');
    });
  });
});
