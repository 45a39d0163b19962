import type { Award, AwardEvent, AwardEventType } from '@fundledger/funding';
import { Money } from '@fundledger/money';

const money = (amount: string): string => Money.fromString(amount).format();

/** Organisations by name, as an officer knows them; the id only when the award does not know it. */
const granteeOf = (award: Award | undefined, grantId: string): string => award?.grants.get(grantId)?.grantee.name ?? `grant ${grantId}`;
const contributorOf = (award: Award | undefined, contributionId: string): string =>
  award?.contributions.get(contributionId)?.contributor.name ?? `contribution ${contributionId}`;
const grantOfDisbursement = (award: Award | undefined, disbursementId: string): string => {
  const disbursement = award?.disbursements.get(disbursementId);
  return disbursement === undefined
    ? `disbursement ${disbursementId}`
    : `${money(disbursement.amount.toString())} paid to ${granteeOf(award, disbursement.grantId)} on ${disbursement.paidOn}`;
};

/**
 * One line an officer can read in a list of what happened to an award since a certificate. `award` (the
 * award as folded now) supplies the names of grantees and contributors; without it the ids are printed.
 */
export const summariseAwardEvent = (event: AwardEvent, award?: Award): string => {
  switch (event.type) {
    case 'AwardMade':
      return `award of ${money(event.data.amount)} made by ${event.data.funder.name} on ${event.data.awardedOn}`;
    case 'AwardVaried': {
      const { newAmount, newWindowEnd, reason } = event.data;
      const changes = [
        ...(newAmount === undefined ? [] : [`amount to ${money(newAmount)}`]),
        ...(newWindowEnd === undefined ? [] : [`window end to ${newWindowEnd}`]),
      ];
      return `award varied: ${changes.join(', ')} (${reason})`;
    }
    case 'MatchFundingPledged':
      return `${event.data.contributor.name} pledged ${money(event.data.amount)} (contribution ${event.data.contributionId})`;
    case 'MatchFundingReceived':
      return `${money(event.data.amount)} received from ${contributorOf(award, event.data.contributionId)} on ${event.data.receivedOn}`;
    case 'MatchFundingWithdrawn':
      return `${money(event.data.amount)} withdrawn by ${contributorOf(award, event.data.contributionId)} (${event.data.reason})`;
    case 'GrantCommitted':
      return `${money(event.data.amount)} committed to ${event.data.grantee.name} (grant ${event.data.grantId})`;
    case 'GrantCommitmentVaried':
      return `commitment to ${granteeOf(award, event.data.grantId)} varied to ${money(event.data.newAmount)} (${event.data.reason})`;
    case 'DisbursementPaid':
      return `${money(event.data.amount)} paid to ${granteeOf(award, event.data.grantId)} on ${event.data.paidOn} (${event.data.reference})`;
    case 'DisbursementReversed':
      return `reversed: ${grantOfDisbursement(award, event.data.disbursementId)} (${event.data.reason})`;
    case 'ProvisionExtended':
      return `provision extended to ${event.data.newEnd}, funded by ${event.data.fundedBy.map((id) => contributorOf(award, id)).join(', ')}`;
    case 'SpendProfileSet':
      return `spend profile set for ${Object.keys(event.data.months).length} months`;
    case 'DecisionRecorded':
      return `decision ${event.data.decisionRef} of ${event.data.decidedOn} recorded`;
    case 'BudgetCertified':
      return `budget of decision ${event.data.decisionRef} certified on ${event.data.certifiedOn}, basis (${event.data.basis})`;
    case 'ReturnSubmitted':
      return `return for Q${event.data.quarter} ${event.data.financialYear} submitted (version ${event.data.version})`;
    case 'AwardClosed':
      return `award closed on ${event.data.closedOn}, ${money(event.data.underspendReturned)} returned`;
    default: {
      const unhandled: never = event;
      throw new Error(`no summary for award event ${(unhandled as AwardEvent).type}`);
    }
  }
};

/**
 * What an event does to a certified budget:
 * - `budget`: changes a figure the officer certified (award amount or window, match pledged or withdrawn,
 *   commitments, provision end, spend profile, closure), so the certificate is stale;
 * - `movement`: money moving within the budget (payments, their reversals, match funding received): listed
 *   as "since certification", it does not make the certificate stale, or every routine payment would;
 * - `statement`: states figures without changing them (a decision's declared totals, a certificate, a return).
 * Keyed by type so that the compiler refuses a new event that nobody has classified.
 */
export type CertificateEffect = 'budget' | 'movement' | 'statement';

const EFFECTS: Readonly<Record<AwardEventType, CertificateEffect>> = {
  AwardMade: 'budget',
  AwardVaried: 'budget',
  MatchFundingPledged: 'budget',
  MatchFundingReceived: 'movement',
  MatchFundingWithdrawn: 'budget',
  GrantCommitted: 'budget',
  GrantCommitmentVaried: 'budget',
  DisbursementPaid: 'movement',
  DisbursementReversed: 'movement',
  ProvisionExtended: 'budget',
  SpendProfileSet: 'budget',
  DecisionRecorded: 'statement',
  BudgetCertified: 'statement',
  ReturnSubmitted: 'statement',
  AwardClosed: 'budget',
};

export const certificateEffectOf = (type: AwardEventType): CertificateEffect => EFFECTS[type];
