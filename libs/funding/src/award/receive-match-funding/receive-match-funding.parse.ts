import { date, id, money, parseCommandBody, required } from '../../input/command-body.parser';
import type { ReceiveMatchFunding } from '../award.commands';

export const parseReceiveMatchFunding = (raw: unknown): ReceiveMatchFunding =>
  parseCommandBody('ReceiveMatchFunding', raw, {
    awardId: required(id),
    contributionId: required(id),
    amount: required(money()),
    receivedOn: required(date),
  });
