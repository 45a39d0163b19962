import { Money } from '@fundledger/money';
import type { ValidationOptions } from 'class-validator';
import { parsedBy } from './parser-constraint';

/**
 * An amount as DESIGN §4 allows it on the wire: a decimal string, > 0 (>= 0 with allowZero), at most
 * 2 dp and 999,999,999,999.99, no exponent, separators or JSON number. Money.parseAmount decides.
 */
export const IsMoneyAmount = (
  options: { readonly allowZero?: boolean } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator =>
  parsedBy(options.allowZero ? 'isMoneyAmountOrZero' : 'isMoneyAmount', (value, field) =>
    Money.parseAmount(value, field, options),
  )(validationOptions);
