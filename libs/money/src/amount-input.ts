import { InvalidAmountError } from './invalid-amount.error';
import { MoneyDecimal } from './money-decimal';

export const MAX_AMOUNT_TEXT = '999999999999.99';
const MAX_AMOUNT = new MoneyDecimal(MAX_AMOUNT_TEXT);

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^-?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
// Grouped digits as people type them in en-GB (1,000), some ledgers (1_000) and Swiss style (1'000).
const GROUPED = /^-?\d{1,3}(?:[,_']\d{3})+(?:\.\d*)?$/;
const CURRENCY_SYMBOL = /^-?[£$€]/;

export type AmountInputOptions = { allowZero?: boolean };

const describeType = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
};

/**
 * Checks a command's amount against DESIGN §4 and returns it unchanged when it passes. Amounts
 * arrive as strings so that no JSON number (a binary float) ever stands for money; anything
 * ambiguous is refused rather than guessed at, with the first rule it breaks as the reason.
 */
export function checkAmountInput(value: unknown, field: string, options: AmountInputOptions = {}): string {
  const reject = (reason: string): never => {
    throw new InvalidAmountError(field, reason);
  };
  if (typeof value !== 'string') return reject(`must be a string, got ${describeType(value)}`);
  if (value === '') return reject('must not be empty');
  if (/\s/.test(value)) return reject('must not contain whitespace');
  if (value.startsWith('+')) return reject("must not have a '+' sign");
  if (CURRENCY_SYMBOL.test(value)) return reject('must not include a currency symbol');
  if (GROUPED.test(value)) return reject('thousands separators not allowed');
  if (EXPONENT.test(value)) return reject('exponent notation not allowed');
  if (/^-?\.\d+$/.test(value)) return reject('must have a digit before the decimal point, like 0.50');
  if (/^-?\d+\.$/.test(value)) return reject('must not end with a decimal point');

  const match = PLAIN_DECIMAL.exec(value);
  if (!match) return reject('must be a decimal number like 1234.56');
  const [, sign, whole, fraction = ''] = match;
  // "007" is more likely a typo or a code than an amount; only a single 0 may precede the point.
  if (whole.length > 1 && whole.startsWith('0')) return reject('leading zeros not allowed');
  if (fraction.length > 2) return reject(`${fraction.length} decimal places, at most 2 allowed`);

  const amount = new MoneyDecimal(value);
  if (sign === '-') return reject(options.allowZero ? 'must not be negative' : 'must be greater than 0');
  if (amount.isZero() && !options.allowZero) return reject('must be greater than 0');
  if (amount.greaterThan(MAX_AMOUNT)) return reject(`must be at most ${MAX_AMOUNT_TEXT}`);
  return value;
}
