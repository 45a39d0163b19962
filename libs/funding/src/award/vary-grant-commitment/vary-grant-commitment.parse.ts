import {
  date,
  id,
  money,
  parseCommandBody,
  PROSE,
  required,
} from '../../input/command-body.parser';
import type { VaryGrantCommitment } from '../award.commands';

export const parseVaryGrantCommitment = (raw: unknown): VaryGrantCommitment =>
  parseCommandBody('VaryGrantCommitment', raw, {
    awardId: required(id),
    grantId: required(id),
    // 0.00 cancels the commitment; the grant stays on record with what was paid against it.
    newAmount: required(money({ allowZero: true })),
    effectiveOn: required(date),
    reason: required(PROSE),
  });
