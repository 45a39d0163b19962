import { AlreadyExists, LedgerRuleBroken } from '../../errors/funding.errors';
import type { PayDisbursement } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireOpenAward, requireGrant, requireNotBefore, commitmentDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decidePayDisbursement = (state: AwardState, command: PayDisbursement): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, grantId, disbursementId, amount, paidOn, reference } = command;
  const grant = requireGrant(award, grantId);
  requireNotBefore(
    'PAYMENT_BEFORE_COMMITMENT',
    { field: 'paidOn', date: paidOn, what: `payment ${disbursementId}` },
    commitmentDated(grant),
  );

  // Unique within the award, not only the grant: a reversal names the disbursement alone.
  if (award.disbursements.has(disbursementId)) {
    throw new AlreadyExists(
      'DUPLICATE_DISBURSEMENT_ID',
      `disbursement ${disbursementId} is already recorded on award ${awardId}`,
      { awardId, disbursementId },
    );
  }

  // DESIGN §4: paid to a grant, net of reversals, ≤ its committed amount.
  const paidAfter = grant.paid.plus(amount);
  if (paidAfter.greaterThan(grant.committed)) {
    throw new LedgerRuleBroken(
      'PAYMENT_EXCEEDS_COMMITMENT',
      `paying ${amount.format()} to grant ${grantId} would take payments to ${paidAfter.format()} ` +
        `against ${grant.committed.format()} committed`,
      { amount: amount.toString(), paidAfter: paidAfter.toString(), committed: grant.committed.toString() },
    );
  }

  return [
    {
      type: 'DisbursementPaid',
      data: { awardId, grantId, disbursementId, amount: amount.toString(), paidOn, reference },
    },
  ];
};
