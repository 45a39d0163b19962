import {
  date,
  id,
  money,
  monthWindow,
  optional,
  organisation,
  parseCommandBody,
  REFERENCE,
  required,
} from '../../input/command-body.parser';
import type { PledgeMatchFunding } from '../award.commands';

export const parsePledgeMatchFunding = (raw: unknown): PledgeMatchFunding =>
  parseCommandBody('PledgeMatchFunding', raw, {
    awardId: required(id),
    contributionId: required(id),
    contributor: required(organisation),
    amount: required(money()),
    pledgedOn: required(date),
    window: optional(monthWindow),
    reference: optional(REFERENCE),
  });
