import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { VaryGrantCommitment } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { availableFunding, committedTotal } from '../award.figures';
import { requireOpenAward, requireGrant, requireNotBefore, commitmentDated } from '../award.guards';
import type { AwardState } from '../award.state';

/** A commitment may be varied to 0.00 (its parser allows zero): a cancelled grant is normal and stays on record. */
export const decideVaryGrantCommitment = (state: AwardState, command: VaryGrantCommitment): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, grantId, newAmount, effectiveOn, reason } = command;
  const grant = requireGrant(award, grantId);
  requireNotBefore(
    'VARIATION_BEFORE_COMMITMENT',
    { field: 'effectiveOn', date: effectiveOn, what: `the variation of grant ${grantId}` },
    commitmentDated(grant),
  );

  if (newAmount.equals(grant.committed)) {
    throw new LedgerRuleBroken('NOTHING_TO_VARY', `grant ${grantId} is already committed at ${newAmount.format()}`, {
      grantId,
      committed: grant.committed.toString(),
    });
  }

  // DESIGN §4: a payment is never edited, so the commitment cannot drop below what was paid against it.
  if (newAmount.lessThan(grant.paid)) {
    throw new LedgerRuleBroken(
      'COMMITMENT_BELOW_PAID',
      `varying grant ${grantId} to ${newAmount.format()} would leave it below the ${grant.paid.format()} already paid`,
      { newAmount: newAmount.toString(), paid: grant.paid.toString() },
    );
  }

  const committedAfter = committedTotal(award).minus(grant.committed).plus(newAmount);
  const available = availableFunding(award);
  if (committedAfter.greaterThan(available)) {
    throw new LedgerRuleBroken(
      'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
      `varying grant ${grantId} to ${newAmount.format()} would take commitments to ${committedAfter.format()} ` +
        `against ${available.format()} available`,
      { newAmount: newAmount.toString(), committedAfter: committedAfter.toString(), available: available.toString() },
    );
  }

  return [{ type: 'GrantCommitmentVaried', data: { awardId, grantId, newAmount: newAmount.toString(), effectiveOn, reason } }];
};
