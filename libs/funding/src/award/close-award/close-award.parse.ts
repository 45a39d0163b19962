import { date, id, money, parseCommandBody, required } from '../../input/command-body.parser';
import type { CloseAward } from '../award.commands';

export const parseCloseAward = (raw: unknown): CloseAward =>
  parseCommandBody('CloseAward', raw, {
    awardId: required(id),
    closedOn: required(date),
    // An award fully spent closes with nothing to return.
    underspendReturned: required(money({ allowZero: true })),
  });
