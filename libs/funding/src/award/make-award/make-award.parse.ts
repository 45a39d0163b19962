import {
  date,
  id,
  money,
  monthWindow,
  organisation,
  parseCommandBody,
  PROSE,
  REFERENCE,
  optional,
  required,
} from '../../input/command-body.parser';
import type { MakeAward } from '../award.commands';

export const parseMakeAward = (raw: unknown): MakeAward =>
  parseCommandBody('MakeAward', raw, {
    awardId: required(id),
    programmeId: optional(id),
    funder: required(organisation),
    recipient: required(organisation),
    amount: required(money()),
    awardedOn: required(date),
    window: required(monthWindow),
    decisionRef: required(REFERENCE),
    description: required(PROSE),
  });
