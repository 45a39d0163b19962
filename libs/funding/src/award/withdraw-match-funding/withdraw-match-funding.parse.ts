import {
  date,
  id,
  money,
  parseCommandBody,
  PROSE,
  required,
} from '../../input/command-body.parser';
import type { WithdrawMatchFunding } from '../award.commands';

export const parseWithdrawMatchFunding = (raw: unknown): WithdrawMatchFunding =>
  parseCommandBody('WithdrawMatchFunding', raw, {
    awardId: required(id),
    contributionId: required(id),
    amount: required(money()),
    withdrawnOn: required(date),
    reason: required(PROSE),
  });
