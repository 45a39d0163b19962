import { quarterMonths, type Month } from '@fundledger/calendar';
import {
  date,
  financialYear,
  id,
  month,
  optional,
  parseCommandBody,
  PROSE,
  required,
  type FieldParser,
} from '../../input/command-body.parser';
import type { SubmitReturn } from '../award.commands';

/** A quarter of the UK financial year, as the JSON number 1, 2, 3 or 4. */
const quarter: FieldParser<1 | 2 | 3 | 4> = (value, field, errors) =>
  value === 1 || value === 2 || value === 3 || value === 4
    ? value
    : errors.add(field, `must be the number 1, 2, 3 or 4, got ${JSON.stringify(value) ?? String(value)}`);

/** { "YYYY-MM": "why" }: which months of the quarter are months is checked once the quarter is known. */
const varianceReasons: FieldParser<Record<Month, string>> = (value, field, errors) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return errors.add(field, 'must be an object of { "YYYY-MM": reason }');
  }
  const before = errors.list.length;
  const reasons: Record<Month, string> = {};
  for (const [key, reason] of Object.entries(value)) {
    const path = `${field}.${key}`;
    const parsedMonth = month(key, path, errors);
    const parsedReason = PROSE(reason, path, errors);
    if (parsedMonth !== undefined && parsedReason !== undefined) reasons[parsedMonth] = parsedReason;
  }
  return errors.list.length === before ? reasons : undefined;
};

export const parseSubmitReturn = (raw: unknown): SubmitReturn =>
  parseCommandBody(
    'SubmitReturn',
    raw,
    {
      awardId: required(id),
      financialYear: required(financialYear),
      quarter: required(quarter),
      submittedOn: required(date),
      reason: optional(PROSE),
      varianceReasons: optional(varianceReasons),
    },
    (body, errors) => {
      if (body.varianceReasons === undefined) return;
      const months = quarterMonths(body.financialYear, body.quarter);
      for (const key of Object.keys(body.varianceReasons)) {
        if (!months.includes(key)) {
          errors.add(`varianceReasons.${key}`, `is not a month of Q${body.quarter} ${body.financialYear} (${months.join(', ')})`);
        }
      }
    },
  );
