import { withBusinessDate, type StoredEvent } from '../business-time/stored-event';
import { BUSINESS_DATE_FIELD } from './award.business-date';
import { isAwardEventType, type AwardEvent } from './award.events';

/**
 * Types an event read back from an award stream, upcasting the shapes of earlier schema versions; the
 * stored rows are never rewritten (the hash chain covers them as they are).
 * - schemaVersion 1 (fundledger 0.1): no business date on AwardVaried, MatchFundingPledged,
 *   MatchFundingWithdrawn, GrantCommitted, GrantCommitmentVaried, DisbursementReversed,
 *   ProvisionExtended and SpendProfileSet: the UK date it was recorded, marked businessDateInferred.
 * Data is otherwise trusted (only decisions wrote it, and the hash chain guards it); the type is checked so
 * that an event this version does not know fails loudly.
 */
export const toAwardEvent = (stored: StoredEvent): AwardEvent => {
  if (!isAwardEventType(stored.type)) throw new Error(`unknown award event type ${stored.type}`);
  return { type: stored.type, data: withBusinessDate(stored, BUSINESS_DATE_FIELD[stored.type]) } as AwardEvent;
};
