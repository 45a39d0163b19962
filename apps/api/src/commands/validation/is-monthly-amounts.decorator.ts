import { parseMonth } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { constraint, parserReason } from './parser-constraint';

const cost = (value: unknown, field: string) => Money.parseAmount(value, field, { allowZero: true });

/** `{ "YYYY-MM": amount }`: every key a real month, every value an amount >= 0.00 as Money reads it. */
export const IsMonthlyAmounts = constraint('isMonthlyAmounts', (value, field) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${field}: must be an object of { "YYYY-MM": amount }`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return `${field}: must list every provision month`;
  const problems = entries.flatMap(([month, amount]) =>
    // A month of the profile may plan no cost at all, hence allowZero.
    [parserReason(parseMonth, month, `${field}.${month}`), parserReason(cost, amount, `${field}.${month}`)].filter(
      (reason): reason is string => reason !== undefined,
    ),
  );
  return problems.length === 0 ? undefined : problems.join('; ');
});
