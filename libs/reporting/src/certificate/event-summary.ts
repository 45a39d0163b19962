import type { AwardEvent, AwardEventType } from '@fundledger/funding';
import { Money } from '@fundledger/money';

const money = (amount: string): string => Money.fromString(amount).format();

/** One line an officer can read in a list of what happened to an award since a certificate. */
export const summariseAwardEvent = (event: AwardEvent): string => {
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
      return `${money(event.data.amount)} received on contribution ${event.data.contributionId} on ${event.data.receivedOn}`;
    case 'MatchFundingWithdrawn':
      return `${money(event.data.amount)} withdrawn from contribution ${event.data.contributionId} (${event.data.reason})`;
    case 'GrantCommitted':
      return `${money(event.data.amount)} committed to ${event.data.grantee.name} (grant ${event.data.grantId})`;
    case 'GrantCommitmentVaried':
      return `grant ${event.data.grantId} varied to ${money(event.data.newAmount)} (${event.data.reason})`;
    case 'DisbursementPaid':
      return `${money(event.data.amount)} paid to grant ${event.data.grantId} on ${event.data.paidOn} (${event.data.reference})`;
    case 'DisbursementReversed':
      return `disbursement ${event.data.disbursementId} reversed (${event.data.reason})`;
    case 'ProvisionExtended':
      return `provision extended to ${event.data.newEnd}, funded by ${event.data.fundedBy.join(', ')}`;
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
 * Events that state something about the figures without changing them: a decision's declared totals,
 * a certificate, a return. They move no money and change no ledger figure, so they cannot make a
 * certificate stale; every other award event can, and does (DESIGN §1).
 */
const STATEMENTS: ReadonlySet<AwardEventType> = new Set<AwardEventType>(['DecisionRecorded', 'BudgetCertified', 'ReturnSubmitted']);

export const isFinancialEvent = (type: AwardEventType): boolean => !STATEMENTS.has(type);
