import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { ReverseDisbursement } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireDisbursement, requireOpenAward } from '../award.guards';
import type { AwardState } from '../award.state';

/** A payment is reversed, never edited; a corrected payment is a new disbursement with its own id. */
export const decideReverseDisbursement = (state: AwardState, command: ReverseDisbursement): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, disbursementId, reason } = command;
  const disbursement = requireDisbursement(award, disbursementId);

  if (disbursement.reversed) {
    throw new LedgerRuleBroken(
      'DISBURSEMENT_ALREADY_REVERSED',
      `disbursement ${disbursementId} (${disbursement.amount.format()} to grant ${disbursement.grantId} ` +
        `on ${disbursement.paidOn}) was already reversed`,
      { disbursementId, amount: disbursement.amount.toString(), grantId: disbursement.grantId },
    );
  }

  return [{ type: 'DisbursementReversed', data: { awardId, disbursementId, reason } }];
};
