import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { ReverseDisbursement } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireOpenAward, requireDisbursement, requireNotBefore } from '../award.guards';
import type { AwardState } from '../award.state';

/** A payment is reversed, never edited; a corrected payment is a new disbursement with its own id. */
export const decideReverseDisbursement = (state: AwardState, command: ReverseDisbursement): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, disbursementId, reversedOn, reason } = command;
  const disbursement = requireDisbursement(award, disbursementId);
  requireNotBefore(
    'REVERSAL_BEFORE_PAYMENT',
    { field: 'reversedOn', date: reversedOn, what: `the reversal of payment ${disbursementId}` },
    { field: 'paidOn', date: disbursement.paidOn, what: `it was paid` },
  );

  if (disbursement.reversed) {
    throw new LedgerRuleBroken(
      'DISBURSEMENT_ALREADY_REVERSED',
      `disbursement ${disbursementId} (${disbursement.amount.format()} to grant ${disbursement.grantId} ` +
        `on ${disbursement.paidOn}) was already reversed`,
      { disbursementId, amount: disbursement.amount.toString(), grantId: disbursement.grantId },
    );
  }

  return [{ type: 'DisbursementReversed', data: { awardId, disbursementId, reversedOn, reason } }];
};
