import type { IsoDate, Month } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import type { MonthWindow, Organisation } from '../funding.values';
import type { CertificateAcknowledgement, CertificateBasis } from './award.events';

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
  readonly effectiveOn: IsoDate;
  readonly reason: string;
  readonly reference: string;
}

export interface PledgeMatchFunding {
  readonly type: 'PledgeMatchFunding';
  readonly awardId: string;
  readonly contributionId: string;
  readonly contributor: Organisation;
  readonly amount: Money;
  readonly pledgedOn: IsoDate;
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
  readonly withdrawnOn: IsoDate;
  readonly reason: string;
}

export interface CommitGrant {
  readonly type: 'CommitGrant';
  readonly awardId: string;
  readonly grantId: string;
  readonly grantee: Organisation;
  readonly amount: Money;
  readonly committedOn: IsoDate;
  readonly purpose: string;
}

export interface VaryGrantCommitment {
  readonly type: 'VaryGrantCommitment';
  readonly awardId: string;
  readonly grantId: string;
  readonly newAmount: Money;
  readonly effectiveOn: IsoDate;
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
  readonly reversedOn: IsoDate;
  readonly reason: string;
}

export interface ExtendProvision {
  readonly type: 'ExtendProvision';
  readonly awardId: string;
  readonly newEnd: Month;
  readonly decidedOn: IsoDate;
  readonly reason: string;
  /** Contribution ids whose match funding pays for the added months; at least one. */
  readonly fundedBy: readonly string[];
}

export interface SetSpendProfile {
  readonly type: 'SetSpendProfile';
  readonly awardId: string;
  readonly setOn: IsoDate;
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

/**
 * The Section 151 officer's certificate of a recorded decision's budget. The figures it pins are not part
 * of the command: they are the ledger's own, computed by the handler from the state the decision sees.
 */
export interface CertifyBudget {
  readonly type: 'CertifyBudget';
  readonly awardId: string;
  /** (a) no financial consequences, (b) met from existing revenue or capital budgets, (c) financed from reserves. */
  readonly basis: CertificateBasis;
  /** (d): must be true; false is refused by the decision (REGULATIONS_NOT_COMPLIED), not by the parser. */
  readonly regulationsComplied: boolean;
  readonly officer: Organisation;
  readonly certifiedOn: IsoDate;
  readonly decisionRef: string;
  /** Each matter the officer acknowledges; every one that applies must be listed (ACKNOWLEDGEMENT_REQUIRED). */
  readonly acknowledged: readonly CertificateAcknowledgement[];
}

/** Submits the Home Office return of a UK financial-year quarter; its figures are computed by the handler. */
export interface SubmitReturn {
  readonly type: 'SubmitReturn';
  readonly awardId: string;
  /** 'YYYY-YY', e.g. '2021-22'. */
  readonly financialYear: string;
  readonly quarter: 1 | 2 | 3 | 4;
  /** The day the return was sent; after the quarter's end. */
  readonly submittedOn: IsoDate;
  /** Why a quarter is submitted again, e.g. a corrected payment. */
  readonly reason?: string;
  /** The officer's explanation of each month's variance against the profile, by month of the quarter. */
  readonly varianceReasons?: Readonly<Record<Month, string>>;
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
  | CertifyBudget
  | SubmitReturn
  | CloseAward;

export type AwardCommandType = AwardCommand['type'];

/** Whether a command's decision needs figures the reporting computes (FiguresContext) beside the award's state. */
export const needsFiguresContext = (command: AwardCommand): command is CertifyBudget | SubmitReturn =>
  command.type === 'CertifyBudget' || command.type === 'SubmitReturn';
