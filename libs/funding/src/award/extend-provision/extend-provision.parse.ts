import {
  date,
  id,
  idList,
  month,
  parseCommandBody,
  PROSE,
  required,
} from '../../input/command-body.parser';
import type { ExtendProvision } from '../award.commands';

export const parseExtendProvision = (raw: unknown): ExtendProvision =>
  parseCommandBody('ExtendProvision', raw, {
    awardId: required(id),
    newEnd: required(month),
    decidedOn: required(date),
    reason: required(PROSE),
    fundedBy: required(idList),
  });
