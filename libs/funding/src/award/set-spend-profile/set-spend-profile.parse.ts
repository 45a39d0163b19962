import type { Month } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import {
  date,
  id,
  money,
  month,
  parseCommandBody,
  required,
  type FieldParser,
} from '../../input/command-body.parser';
import type { SetSpendProfile } from '../award.commands';

const cost = money({ allowZero: true });

/** { "YYYY-MM": "amount" }: keys must be real months, each month's planned cost may be 0.00. */
const monthlyCosts: FieldParser<ReadonlyMap<Month, Money>> = (value, field, errors) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return errors.add(field, 'must be an object of { "YYYY-MM": amount }');
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return errors.add(field, 'must list every provision month');
  const before = errors.list.length;
  const costs = new Map<Month, Money>();
  for (const [key, amount] of entries) {
    const path = `${field}.${key}`;
    const parsedMonth = month(key, path, errors);
    const parsedCost = cost(amount, path, errors);
    if (parsedMonth !== undefined && parsedCost !== undefined) costs.set(parsedMonth, parsedCost);
  }
  return errors.list.length === before ? costs : undefined;
};

export const parseSetSpendProfile = (raw: unknown): SetSpendProfile =>
  parseCommandBody('SetSpendProfile', raw, {
    awardId: required(id),
    setOn: required(date),
    months: required(monthlyCosts),
  });
