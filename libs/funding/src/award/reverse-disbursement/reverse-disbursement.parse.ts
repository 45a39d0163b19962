import {
  date,
  id,
  parseCommandBody,
  PROSE,
  required,
} from '../../input/command-body.parser';
import type { ReverseDisbursement } from '../award.commands';

export const parseReverseDisbursement = (raw: unknown): ReverseDisbursement =>
  parseCommandBody('ReverseDisbursement', raw, {
    awardId: required(id),
    disbursementId: required(id),
    reversedOn: required(date),
    reason: required(PROSE),
  });
