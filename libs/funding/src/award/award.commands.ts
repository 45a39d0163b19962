import type { IsoDate, Month } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import type { MonthWindow, Organisation } from '../funding.values';

/**
 * Commands on an award, with already-validated domain values (Money, months, dates). Raw bodies become
 * commands through the parse function in each command's folder. Who and when (commandId, actor,
 * recordedAt) travel beside the command, in the handler's metadata: decisions never need them.
 */

export interface MakeAward {
  readonly type: 'MakeAward';
  readonly awardId: string;
  readonly programmeId?: string;
  readonly funder: Organisation;
  readonly recipient: Organisation;
  readonly amount: Money;
  readonly awardedOn: IsoDate;
  readonly window: MonthWindow;
  readonly decisionRef: string;
  readonly description: string;
}

export interface VaryAward {
  readonly type: 'VaryAward';
  readonly awardId: string;
  readonly newAmount?: Money;
  readonly newWindowEnd?: Month;
  readonly reason: string;
  readonly reference: string;
}

export interface PledgeMatchFunding {
  readonly type: 'PledgeMatchFunding';
  readonly awardId: string;
  readonly contributionId: string;
  readonly contributor: Organisation;
  readonly amount: Money;
  readonly window?: MonthWindow;
  readonly reference?: string;
}

export interface ReceiveMatchFunding {
  readonly type: 'ReceiveMatchFunding';
  readonly awardId: string;
  readonly contributionId: string;
  readonly amount: Money;
  readonly receivedOn: IsoDate;
}

export interface WithdrawMatchFunding {
  readonly type: 'WithdrawMatchFunding';
  readonly awardId: string;
  readonly contributionId: string;
  readonly amount: Money;
  readonly reason: string;
}

export interface CommitGrant {
  readonly type: 'CommitGrant';
  readonly awardId: string;
  readonly grantId: string;
  readonly grantee: Organisation;
  readonly amount: Money;
  readonly purpose: string;
}

export interface VaryGrantCommitment {
  readonly type: 'VaryGrantCommitment';
  readonly awardId: string;
  readonly grantId: string;
  readonly newAmount: Money;
  readonly reason: string;
}

export interface PayDisbursement {
  readonly type: 'PayDisbursement';
  readonly awardId: string;
  readonly grantId: string;
  readonly disbursementId: string;
  readonly amount: Money;
  readonly paidOn: IsoDate;
  readonly reference: string;
}

export interface ReverseDisbursement {
  readonly type: 'ReverseDisbursement';
  readonly awardId: string;
  readonly disbursementId: string;
  readonly reason: string;
}

export interface ExtendProvision {
  readonly type: 'ExtendProvision';
  readonly awardId: string;
  readonly newEnd: Month;
  readonly reason: string;
  /** Contribution ids whose match funding pays for the added months; at least one. */
  readonly fundedBy: readonly string[];
}

export interface SetSpendProfile {
  readonly type: 'SetSpendProfile';
  readonly awardId: string;
  readonly months: ReadonlyMap<Month, Money>;
}

export interface RecordDecision {
  readonly type: 'RecordDecision';
  readonly awardId: string;
  readonly decisionRef: string;
  readonly decidedOn: IsoDate;
  readonly declared: {
    readonly awardAmount?: Money;
    readonly matchTotal?: Money;
    readonly grantsTotal?: Money;
  };
}

export interface CloseAward {
  readonly type: 'CloseAward';
  readonly awardId: string;
  readonly closedOn: IsoDate;
  readonly underspendReturned: Money;
}

export type AwardCommand =
  | MakeAward
  | VaryAward
  | PledgeMatchFunding
  | ReceiveMatchFunding
  | WithdrawMatchFunding
  | CommitGrant
  | VaryGrantCommitment
  | PayDisbursement
  | ReverseDisbursement
  | ExtendProvision
  | SetSpendProfile
  | RecordDecision
  | CloseAward;

export type AwardCommandType = AwardCommand['type'];
