import type { IsoDate } from '@fundledger/calendar';
import type { AwardCommand } from './award.commands';
import type { AwardEvent, AwardEventType } from './award.events';

/**
 * When each award event happened in the world, beside when the service recorded it. Keyed by type so
 * that the compiler refuses a new event without one.
 */
export const BUSINESS_DATE_FIELD = {
  AwardMade: 'awardedOn',
  AwardVaried: 'effectiveOn',
  MatchFundingPledged: 'pledgedOn',
  MatchFundingReceived: 'receivedOn',
  MatchFundingWithdrawn: 'withdrawnOn',
  GrantCommitted: 'committedOn',
  GrantCommitmentVaried: 'effectiveOn',
  DisbursementPaid: 'paidOn',
  DisbursementReversed: 'reversedOn',
  ProvisionExtended: 'decidedOn',
  SpendProfileSet: 'setOn',
  DecisionRecorded: 'decidedOn',
  BudgetCertified: 'certifiedOn',
  ReturnSubmitted: 'submittedOn',
  AwardClosed: 'closedOn',
} as const satisfies Record<AwardEventType, string>;

export const businessDateOf = (event: AwardEvent): IsoDate =>
  (event.data as unknown as Record<string, IsoDate>)[BUSINESS_DATE_FIELD[event.type]];

/** Whether an event's business date was inferred from when it was recorded (see withBusinessDate). */
export const isBusinessDateInferred = (event: AwardEvent): boolean =>
  'businessDateInferred' in event.data && event.data.businessDateInferred === true;

/** The business date a command states, and the name of its field, for the rules that compare dates. */
export const businessDateOfCommand = (command: AwardCommand): { readonly field: string; readonly date: IsoDate } => {
  switch (command.type) {
    case 'MakeAward':
      return { field: 'awardedOn', date: command.awardedOn };
    case 'VaryAward':
    case 'VaryGrantCommitment':
      return { field: 'effectiveOn', date: command.effectiveOn };
    case 'PledgeMatchFunding':
      return { field: 'pledgedOn', date: command.pledgedOn };
    case 'ReceiveMatchFunding':
      return { field: 'receivedOn', date: command.receivedOn };
    case 'WithdrawMatchFunding':
      return { field: 'withdrawnOn', date: command.withdrawnOn };
    case 'CommitGrant':
      return { field: 'committedOn', date: command.committedOn };
    case 'PayDisbursement':
      return { field: 'paidOn', date: command.paidOn };
    case 'ReverseDisbursement':
      return { field: 'reversedOn', date: command.reversedOn };
    case 'ExtendProvision':
    case 'RecordDecision':
      return { field: 'decidedOn', date: command.decidedOn };
    case 'SetSpendProfile':
      return { field: 'setOn', date: command.setOn };
    case 'CertifyBudget':
      return { field: 'certifiedOn', date: command.certifiedOn };
    case 'SubmitReturn':
      return { field: 'submittedOn', date: command.submittedOn };
    case 'CloseAward':
      return { field: 'closedOn', date: command.closedOn };
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled award command ${(unhandled as AwardCommand).type}`);
    }
  }
};
