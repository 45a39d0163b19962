import type { ProgrammeState } from '../programme/programme.state';
import type { IsoDate, Month } from '@fundledger/calendar';
import { requireNotInFuture } from '../business-time/not-in-future';
import { businessDateOfCommand } from './award.business-date';
import type { AwardCommand } from './award.commands';
import type { AwardEvent, JsonData, MoneyString } from './award.events';
import { evolveAward, initialAwardState, type AwardState } from './award.state';
import { decideCertifyBudget } from './certify-budget/certify-budget.decide';
import { decideCloseAward } from './close-award/close-award.decide';
import { decideCommitGrant } from './commit-grant/commit-grant.decide';
import { decideExtendProvision } from './extend-provision/extend-provision.decide';
import { decideMakeAward } from './make-award/make-award.decide';
import { decidePayDisbursement } from './pay-disbursement/pay-disbursement.decide';
import { decidePledgeMatchFunding } from './pledge-match-funding/pledge-match-funding.decide';
import { decideReceiveMatchFunding } from './receive-match-funding/receive-match-funding.decide';
import { decideRecordDecision } from './record-decision/record-decision.decide';
import { decideReverseDisbursement } from './reverse-disbursement/reverse-disbursement.decide';
import { decideSetSpendProfile } from './set-spend-profile/set-spend-profile.decide';
import { decideSubmitReturn } from './submit-return/submit-return.decide';
import { decideVaryAward } from './vary-award/vary-award.decide';
import { decideVaryGrantCommitment } from './vary-grant-commitment/vary-grant-commitment.decide';
import { decideWithdrawMatchFunding } from './withdraw-match-funding/withdraw-match-funding.decide';
import { type ActingDuties, refuseUnseparatedDuties } from './separation-of-duties';

/**
 * Figures the read side computed from the very state the decision is made on, pinned into the event with
 * their sha256 (over canonical JSON). The domain records them without shaping them: what a certificate or
 * a return states is a reporting concern, and the domain must not depend on the projections.
 */
export interface PinnedFigures {
  readonly figures: { readonly [name: string]: JsonData };
  readonly figuresHash: string;
}

/** What a decision may know besides the award's own stream, loaded by the handler beforehand. */
export interface AwardDecisionFigures {
  /** The state of the programme a MakeAward names; absent or not-opened when no such programme exists. */
  readonly programme?: ProgrammeState;
  /** CertifyBudget: the certified figures, and the stream revision of the last event they were read at. */
  readonly certification?: PinnedFigures & {
    readonly atRevision: number;
    /** The planned cost of provision no source meets (DESIGN §5), and its first month: the reconciliation's. */
    readonly shortfall: { readonly planned: MoneyString; readonly firstMonth: Month | null };
  };
  /** SubmitReturn: the return's figures for the command's financial year and quarter. */
  readonly returnFigures?: PinnedFigures;
  /** Payments and certificates: who decides now, and who recorded each duty before (from event metadata). */
  readonly duties?: ActingDuties;
}

/** What every award decision is given: today's UK date, from the handler's clock (the domain never reads one). */
export interface AwardDecisionContext extends AwardDecisionFigures {
  readonly today: IsoDate;
}

/**
 * The award's decider: the events a command would record, or a FundingError (and nothing recorded).
 * Pure: time, ids and the actor arrive with the command or in the handler's metadata.
 */
export const decideAward = (
  state: AwardState,
  command: AwardCommand,
  context: AwardDecisionContext,
): AwardEvent[] => {
  requireNotInFuture(businessDateOfCommand(command), context.today);
  refuseUnseparatedDuties(command, context.duties);
  switch (command.type) {
    case 'MakeAward':
      return decideMakeAward(state, command, context);
    case 'VaryAward':
      return decideVaryAward(state, command);
    case 'PledgeMatchFunding':
      return decidePledgeMatchFunding(state, command);
    case 'ReceiveMatchFunding':
      return decideReceiveMatchFunding(state, command);
    case 'WithdrawMatchFunding':
      return decideWithdrawMatchFunding(state, command);
    case 'CommitGrant':
      return decideCommitGrant(state, command);
    case 'VaryGrantCommitment':
      return decideVaryGrantCommitment(state, command);
    case 'PayDisbursement':
      return decidePayDisbursement(state, command);
    case 'ReverseDisbursement':
      return decideReverseDisbursement(state, command);
    case 'ExtendProvision':
      return decideExtendProvision(state, command);
    case 'SetSpendProfile':
      return decideSetSpendProfile(state, command);
    case 'RecordDecision':
      return decideRecordDecision(state, command);
    case 'CertifyBudget':
      return decideCertifyBudget(state, command, context);
    case 'SubmitReturn':
      return decideSubmitReturn(state, command, context);
    case 'CloseAward':
      return decideCloseAward(state, command);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled award command ${(unhandled as AwardCommand).type}`);
    }
  }
};

/** The award as one decider value (initial state, evolve, decide) for handlers and specifications. */
export const awardDecider = {
  initialState: initialAwardState,
  evolve: evolveAward,
  decide: decideAward,
} as const;
