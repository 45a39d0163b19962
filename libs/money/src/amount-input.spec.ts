import { InvalidAmountError, Money } from './index';

const refusal = (value: unknown, field?: string, options?: { allowZero?: boolean }): InvalidAmountError => {
  try {
    Money.parseAmount(value, field, options);
  } catch (error) {
    if (error instanceof InvalidAmountError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
};

describe('an amount given in a command (DESIGN §4)', () => {
  describe('is accepted when it is a plain decimal string of at most 2 places', () => {
    it.each([
      ['15000', '15000.00'],
      ['15000.5', '15000.50'],
      ['15000.50', '15000.50'],
      ['0.01', '0.01'],
      ['0.50', '0.50'],
      ['200124.66', '200124.66'],
      ['999999999999.99', '999999999999.99'],
    ])('reads %s as %s', (input, expected) => {
      expect(Money.parseAmount(input).toString()).toBe(expected);
    });
  });

  describe('is refused, naming the field and the rule it breaks', () => {
    it.each<[string, unknown, string]>([
      ['a JSON number', 15000, 'must be a string, got number'],
      ['a boolean', true, 'must be a string, got boolean'],
      ['a missing value', undefined, 'must be a string, got undefined'],
      ['null', null, 'must be a string, got null'],
      ['an object', { amount: '1.00' }, 'must be a string, got object'],
      ['an array', ['1.00'], 'must be a string, got array'],
      ['a bigint', 15000n, 'must be a string, got bigint'],
      ['an empty string', '', 'must not be empty'],
      ['surrounding whitespace', ' 15000.00', 'must not contain whitespace'],
      ['a space as a thousands separator', '15 000.00', 'must not contain whitespace'],
      ['a trailing newline', '15000.00\n', 'must not contain whitespace'],
      ["a leading '+'", '+15000.00', "must not have a '+' sign"],
      ['a pound sign', '£15000.00', 'must not include a currency symbol'],
      ['comma thousands separators', '15,000.00', 'thousands separators not allowed'],
      ['several comma groups', '1,000,000', 'thousands separators not allowed'],
      ['underscore separators', '1_000.00', 'thousands separators not allowed'],
      ['apostrophe separators', "1'000.00", 'thousands separators not allowed'],
      ['an exponent', '1e5', 'exponent notation not allowed'],
      ['an exponent with a fraction and sign', '1.5E+3', 'exponent notation not allowed'],
      ['no digit before the point', '.5', 'must have a digit before the decimal point, like 0.50'],
      ['nothing after the point', '5.', 'must not end with a decimal point'],
      ['leading zeros', '007', 'leading zeros not allowed'],
      ['a leading zero before whole pounds', '01.00', 'leading zeros not allowed'],
      ['3 decimal places', '1.234', '3 decimal places, at most 2 allowed'],
      ['a trailing zero past the pennies', '1.230', '3 decimal places, at most 2 allowed'],
      ['zero', '0', 'must be greater than 0'],
      ['zero pennies', '0.00', 'must be greater than 0'],
      ['a negative amount', '-5.00', 'must be greater than 0'],
      ['more than the maximum', '1000000000000.00', 'must be at most 999999999999.99'],
      ['a penny over the maximum', '1000000000000', 'must be at most 999999999999.99'],
      ['words', 'ten', 'must be a decimal number like 1234.56'],
      ['two points', '1.2.3', 'must be a decimal number like 1234.56'],
      ['a decimal comma', '12,5', 'must be a decimal number like 1234.56'],
      ['NaN', 'NaN', 'must be a decimal number like 1234.56'],
      ['Infinity', 'Infinity', 'must be a decimal number like 1234.56'],
      ['hexadecimal', '0x10', 'must be a decimal number like 1234.56'],
      ['a lone minus sign', '-', 'must be a decimal number like 1234.56'],
    ])('refuses %s', (_case, input, reason) => {
      const error = refusal(input);
      expect(error.reason).toBe(reason);
      expect(error.message).toBe(`amount: ${reason}`);
    });
  });

  it('reports the field it was given', () => {
    const error = refusal('1.234', 'pledge.amount');
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'pledge.amount', name: 'InvalidAmountError' });
    expect(error.message).toBe('pledge.amount: 3 decimal places, at most 2 allowed');
  });

  describe('when zero is allowed (e.g. an underspend returned)', () => {
    it('accepts zero', () => {
      expect(Money.parseAmount('0.00', 'underspendReturned', { allowZero: true }).isZero()).toBe(true);
    });

    it('still refuses a negative amount', () => {
      expect(refusal('-0.01', 'underspendReturned', { allowZero: true }).reason).toBe('must not be negative');
    });
  });
});
