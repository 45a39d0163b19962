import { Money } from '@fundledger/money';
import { LedgerRuleBroken, type ErrorDetails } from '../../errors/funding.errors';
import type { AwardDecisionContext } from '../award.decide';
import type { CertifyBudget } from '../award.commands';
import type { AwardEvent, CertificateAcknowledgement, DeclaredTotals } from '../award.events';
import { committedTotal, matchFundingTotal } from '../award.figures';
import { requireMadeAward, requireNotBefore } from '../award.guards';
import type { Award, AwardState } from '../award.state';

const DECLARED_LABELS: Readonly<Record<keyof DeclaredTotals, string>> = {
  awardAmount: 'award amount',
  matchTotal: 'match funding total',
  grantsTotal: 'grants total',
};

/** Each total the decision declares that the ledger, as it stands at certification, does not hold. */
const mismatchesOf = (award: Award, declared: DeclaredTotals) => {
  const ledger: Readonly<Record<keyof DeclaredTotals, Money>> = {
    awardAmount: award.amount,
    matchTotal: matchFundingTotal(award),
    grantsTotal: committedTotal(award),
  };
  return (Object.keys(DECLARED_LABELS) as (keyof DeclaredTotals)[]).flatMap((figure) => {
    const stated = declared[figure];
    if (stated === undefined) return [];
    const difference = Money.fromString(stated).minus(ledger[figure]);
    return difference.isZero() ? [] : [{ figure, declared: Money.fromString(stated), ledger: ledger[figure], difference }];
  });
};

type Matter = { readonly code: CertificateAcknowledgement; readonly text: string; readonly details: ErrorDetails };

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
  // The latest recording of the decision is the one certified.
  const decision = [...award.decisions].reverse().find((recorded) => recorded.decisionRef === decisionRef);
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
  const { figures, figuresHash, atRevision, shortfall } = certification;

  // The officer signs for the budget as it is, differences and all: each one must be acknowledged by name
  // so a certificate can never be read as saying that a mismatched or underfunded budget was in order.
  const mismatches = mismatchesOf(award, decision.declared);
  const planned = Money.fromString(shortfall.planned);
  const matters: Matter[] = [
    ...(mismatches.length === 0
      ? []
      : [
          {
            code: 'DECISION_TOTAL_MISMATCH' as const,
            text: mismatches
              .map((m) => `${DECLARED_LABELS[m.figure]} declared ${m.declared.format()}, ledger ${m.ledger.format()}, difference ${m.difference.format()}`)
              .join('; '),
            details: Object.fromEntries(
              mismatches.flatMap((m) => [
                [`${m.figure}.declared`, m.declared.toString()],
                [`${m.figure}.ledger`, m.ledger.toString()],
                [`${m.figure}.difference`, m.difference.toString()],
              ]),
            ),
          },
        ]),
    ...(planned.isZero()
      ? []
      : [
          {
            code: 'PLANNED_SHORTFALL' as const,
            text: `${planned.format()} of the planned cost is met by no source` + (shortfall.firstMonth ? `, from ${shortfall.firstMonth}` : ''),
            details: { plannedShortfall: planned.toString(), ...(shortfall.firstMonth ? { firstShortfallMonth: shortfall.firstMonth } : {}) },
          },
        ]),
  ];
  const missing = matters.filter((matter) => !command.acknowledged.includes(matter.code));
  if (missing.length > 0) {
    throw new LedgerRuleBroken(
      'ACKNOWLEDGEMENT_REQUIRED',
      `certifying decision ${decisionRef} needs ${officer.name} to acknowledge ` +
        missing.map((matter) => `${matter.code} (${matter.text})`).join(' and '),
      { awardId, decisionRef, missing: missing.map((m) => m.code), ...Object.assign({}, ...missing.map((m) => m.details)) },
    );
  }
  // Acknowledging what does not apply would put a false statement on the certificate.
  const inapplicable = command.acknowledged.filter((code) => !matters.some((matter) => matter.code === code));
  if (inapplicable.length > 0) {
    throw new LedgerRuleBroken(
      'ACKNOWLEDGEMENT_NOT_APPLICABLE',
      `decision ${decisionRef} has no ${inapplicable.join(' or ')} to acknowledge; remove it from acknowledged`,
      { awardId, decisionRef, inapplicable },
    );
  }
  const acknowledged = matters.map((matter) => matter.code);
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
        ...(acknowledged.length === 0 ? {} : { acknowledged }),
        figures,
        figuresHash,
        atRevision,
      },
    },
  ];
};
