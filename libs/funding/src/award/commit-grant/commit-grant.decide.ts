import { AlreadyExists, LedgerRuleBroken } from '../../errors/funding.errors';
import type { CommitGrant } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { availableFunding, committedTotal } from '../award.figures';
import { requireOpenAward, requireNotBefore, awardDated } from '../award.guards';
import type { AwardState } from '../award.state';

export const decideCommitGrant = (state: AwardState, command: CommitGrant): AwardEvent[] => {
  const award = requireOpenAward(state, command.awardId);
  const { awardId, grantId, grantee, amount, committedOn, purpose } = command;
  requireNotBefore('COMMITMENT_BEFORE_AWARD', { field: 'committedOn', date: committedOn, what: `grant ${grantId}` }, awardDated(award));

  if (award.grants.has(grantId)) {
    throw new AlreadyExists('DUPLICATE_GRANT_ID', `grant ${grantId} is already committed from award ${awardId}`, {
      awardId,
      grantId,
    });
  }

  // DESIGN §4: committed grants ≤ current award amount + pledged − withdrawn match funding.
  const committedAfter = committedTotal(award).plus(amount);
  const available = availableFunding(award);
  if (committedAfter.greaterThan(available)) {
    throw new LedgerRuleBroken(
      'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
      `committing ${amount.format()} would take commitments to ${committedAfter.format()} ` +
        `against ${available.format()} available`,
      { amount: amount.toString(), committedAfter: committedAfter.toString(), available: available.toString() },
    );
  }

  return [{ type: 'GrantCommitted', data: { awardId, grantId, grantee, amount: amount.toString(), committedOn, purpose } }];
};
