import {
  date,
  id,
  money,
  objectOf,
  optional,
  parseCommandBody,
  REFERENCE,
  required,
} from '../../input/command-body.parser';
import type { RecordDecision } from '../award.commands';

// A decision may declare that there is no match funding or no grant at all, so 0.00 is a valid total.
const total = optional(money({ allowZero: true }));

export const parseRecordDecision = (raw: unknown): RecordDecision =>
  parseCommandBody('RecordDecision', raw, {
    awardId: required(id),
    decisionRef: required(REFERENCE),
    decidedOn: required(date),
    // Required but may be {}: a decision that states no totals is still part of the award's record.
    declared: required(objectOf({ awardAmount: total, matchTotal: total, grantsTotal: total })),
  });
