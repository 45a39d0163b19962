import {
  date,
  id,
  money,
  month,
  optional,
  parseCommandBody,
  PROSE,
  REFERENCE,
  required,
} from '../../input/command-body.parser';
import type { VaryAward } from '../award.commands';

export const parseVaryAward = (raw: unknown): VaryAward =>
  parseCommandBody(
    'VaryAward',
    raw,
    {
      awardId: required(id),
      newAmount: optional(money()),
      newWindowEnd: optional(month),
      effectiveOn: required(date),
      reason: required(PROSE),
      reference: required(REFERENCE),
    },
    (body, errors) => {
      if (body.newAmount === undefined && body.newWindowEnd === undefined) {
        errors.add('newAmount', 'a variation needs newAmount, newWindowEnd or both');
      }
    },
  );
