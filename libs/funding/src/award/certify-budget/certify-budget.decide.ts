import { LedgerRuleBroken } from '../../errors/funding.errors';
import type { AwardDecisionContext } from '../award.decide';
import type { CertifyBudget } from '../award.commands';
import type { AwardEvent } from '../award.events';
import { requireMadeAward, requireNotBefore } from '../award.guards';
import type { AwardState } from '../award.state';

/**
 * The Section 151 officer certifies a recorded decision's budget: one basis, (a), (b) or (c), and (d) that
 * financial regulations were complied with. The event pins the figures read at the stream's current
 * revision, so any later financial event can be shown to have made the certificate stale.
 *
 * Allowed after closure: certifying moves no money (DESIGN §4 forbids only financial events after
 * AwardClosed), and a decision taken at closure, such as returning an underspend, still needs its budget
 * certified.
 */
export const decideCertifyBudget = (
  state: AwardState,
  command: CertifyBudget,
  context: AwardDecisionContext,
): AwardEvent[] => {
  const award = requireMadeAward(state, command.awardId);
  const { awardId, basis, regulationsComplied, officer, certifiedOn, decisionRef } = command;

  // (d) is a statement the officer must be able to make; a certificate without it certifies nothing.
  if (!regulationsComplied) {
    throw new LedgerRuleBroken(
      'REGULATIONS_NOT_COMPLIED',
      `a budget certificate must state (d) that financial regulations have been complied with; ` +
        `${officer.name} did not state it for decision ${decisionRef}`,
      { awardId, decisionRef },
    );
  }

  // A rule rather than a not-found: the certificate is refused until the decision it certifies is on
  // the record, where its declared totals are checked against the same ledger.
  const decision = award.decisions.find((recorded) => recorded.decisionRef === decisionRef);
  if (decision === undefined) {
    const recorded = award.decisions.map((decision) => decision.decisionRef);
    throw new LedgerRuleBroken(
      'DECISION_NOT_RECORDED',
      `decision ${decisionRef} is not recorded on award ${awardId}` +
        (recorded.length === 0 ? ' (no decision is)' : ` (recorded: ${recorded.join(', ')})`) +
        '; record the decision before certifying its budget',
      { awardId, decisionRef, recorded },
    );
  }

  requireNotBefore(
    'CERTIFICATE_BEFORE_DECISION',
    { field: 'certifiedOn', date: certifiedOn, what: `the certificate of decision ${decisionRef}` },
    { field: 'decidedOn', date: decision.decidedOn, what: 'the decision was taken' },
  );

  const { certification } = context;
  if (certification === undefined) {
    // The handler computes the figures from the state it loaded; without them there is nothing to pin.
    throw new Error(`CertifyBudget on award ${awardId} was decided without the figures to certify`);
  }
  const { figures, figuresHash, atRevision } = certification;
  return [
    {
      type: 'BudgetCertified',
      data: {
        awardId,
        basis,
        regulationsComplied,
        officer,
        certifiedOn,
        decisionRef,
        figures,
        figuresHash,
        atRevision,
      },
    },
  ];
};
