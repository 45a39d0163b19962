import {
  date,
  id,
  money,
  organisation,
  parseCommandBody,
  PROSE,
  required,
} from '../../input/command-body.parser';
import type { CommitGrant } from '../award.commands';

export const parseCommitGrant = (raw: unknown): CommitGrant =>
  parseCommandBody('CommitGrant', raw, {
    awardId: required(id),
    grantId: required(id),
    grantee: required(organisation),
    amount: required(money()),
    committedOn: required(date),
    purpose: required(PROSE),
  });
