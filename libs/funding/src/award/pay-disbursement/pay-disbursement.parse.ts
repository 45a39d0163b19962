import {
  date,
  id,
  money,
  parseCommandBody,
  REFERENCE,
  required,
} from '../../input/command-body.parser';
import type { PayDisbursement } from '../award.commands';

export const parsePayDisbursement = (raw: unknown): PayDisbursement =>
  parseCommandBody('PayDisbursement', raw, {
    awardId: required(id),
    grantId: required(id),
    disbursementId: required(id),
    amount: required(money()),
    paidOn: required(date),
    reference: required(REFERENCE),
  });
