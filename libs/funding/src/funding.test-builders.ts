import { Money } from '@fundledger/money';
import type { OpenProgramme } from './programme/programme.commands';
import type { ProgrammeOpened } from './programme/programme.events';
import type * as C from './award/award.commands';
import type * as E from './award/award.events';
import { awardDecider, type AwardDecisionContext } from './award/award.decide';
import type { AwardState } from './award/award.state';
import { programmeDecider } from './programme/programme.decide';
import type { ProgrammeState } from './programme/programme.state';

/**
 * Fixed events and commands for specifications: one award, AWARD_ID, with Home Office money for
 * 2021-10 to 2022-05, and fixed ids for its contribution, grant and disbursement. Amounts are written
 * as strings, as they are stored. Override any field through the last argument.
 */

/** The day the specifications' decisions are taken: later than every date the builders use. */
export const TODAY = '2024-06-30';

export const AWARD_ID = 'award-1';
export const PROGRAMME_ID = 'dapi-2021';
export const CONTRIBUTION_ID = 'm-opcc';
export const GRANT_ID = 'g-harbour';
export const DISBURSEMENT_ID = 'd-1';

export const homeOffice = { id: 'home-office', name: 'Home Office' };
export const opcc = { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' };
export const harbour = { id: 'harbour', name: 'Harbour' };
export const WINDOW = { start: '2021-10', end: '2022-05' };

const money = (amount: string): Money => Money.fromString(amount);

type Data<Event extends E.AwardEvent> = Partial<Event['data']>;
type Fields<Command> = Partial<Omit<Command, 'type'>>;

// ---- events ----

export const awardMade = (amount = '100000.00', data: Data<E.AwardMade> = {}): E.AwardMade => ({
  type: 'AwardMade',
  data: {
    awardId: AWARD_ID,
    funder: homeOffice,
    recipient: opcc,
    amount,
    awardedOn: '2021-07-01',
    window: WINDOW,
    decisionRef: 'HO-DAPI-2021',
    description: 'Domestic abuse perpetrator interventions',
    ...data,
  },
});

export const awardVaried = (data: Data<E.AwardVaried>): E.AwardVaried => ({
  type: 'AwardVaried',
  data: { awardId: AWARD_ID, effectiveOn: '2021-07-31', reason: 'Confirmed amount', reference: 'Decision 2021-7335', ...data },
});

export const matchFundingPledged = (amount: string, data: Data<E.MatchFundingPledged> = {}): E.MatchFundingPledged => ({
  type: 'MatchFundingPledged',
  data: { awardId: AWARD_ID, contributionId: CONTRIBUTION_ID, contributor: opcc, amount, pledgedOn: '2021-07-31', ...data },
});

export const matchFundingReceived = (
  amount: string,
  data: Data<E.MatchFundingReceived> = {},
): E.MatchFundingReceived => ({
  type: 'MatchFundingReceived',
  data: { awardId: AWARD_ID, contributionId: CONTRIBUTION_ID, amount, receivedOn: '2021-11-15', ...data },
});

export const matchFundingWithdrawn = (
  amount: string,
  data: Data<E.MatchFundingWithdrawn> = {},
): E.MatchFundingWithdrawn => ({
  type: 'MatchFundingWithdrawn',
  data: { awardId: AWARD_ID, contributionId: CONTRIBUTION_ID, amount, withdrawnOn: '2021-12-15', reason: 'Budget cut', ...data },
});

export const grantCommitted = (amount: string, data: Data<E.GrantCommitted> = {}): E.GrantCommitted => ({
  type: 'GrantCommitted',
  data: { awardId: AWARD_ID, grantId: GRANT_ID, grantee: harbour, amount, committedOn: '2021-08-01', purpose: 'Delivery', ...data },
});

export const grantCommitmentVaried = (
  newAmount: string,
  data: Data<E.GrantCommitmentVaried> = {},
): E.GrantCommitmentVaried => ({
  type: 'GrantCommitmentVaried',
  data: { awardId: AWARD_ID, grantId: GRANT_ID, newAmount, effectiveOn: '2021-09-01', reason: 'Re-scoped', ...data },
});

export const disbursementPaid = (amount: string, data: Data<E.DisbursementPaid> = {}): E.DisbursementPaid => ({
  type: 'DisbursementPaid',
  data: {
    awardId: AWARD_ID,
    grantId: GRANT_ID,
    disbursementId: DISBURSEMENT_ID,
    amount,
    paidOn: '2021-12-01',
    reference: 'PAY-1',
    ...data,
  },
});

export const disbursementReversed = (data: Data<E.DisbursementReversed> = {}): E.DisbursementReversed => ({
  type: 'DisbursementReversed',
  data: { awardId: AWARD_ID, disbursementId: DISBURSEMENT_ID, reversedOn: '2021-12-15', reason: 'Paid to the wrong account', ...data },
});

export const provisionExtended = (newEnd: string, data: Data<E.ProvisionExtended> = {}): E.ProvisionExtended => ({
  type: 'ProvisionExtended',
  data: {
    awardId: AWARD_ID,
    newEnd,
    decidedOn: '2021-07-31',
    reason: 'Match funding extends provision',
    fundedBy: [CONTRIBUTION_ID],
    ...data,
  },
});

export const spendProfileSet = (months: Record<string, string>, data: Data<E.SpendProfileSet> = {}): E.SpendProfileSet => ({
  type: 'SpendProfileSet',
  data: { awardId: AWARD_ID, setOn: '2021-08-01', months, ...data },
});

export const decisionRecorded = (data: Data<E.DecisionRecorded> = {}): E.DecisionRecorded => ({
  type: 'DecisionRecorded',
  data: { awardId: AWARD_ID, decisionRef: '2021-7335', decidedOn: '2021-07-31', declared: {}, ...data },
});

export const awardClosed = (underspendReturned = '0.00', data: Data<E.AwardClosed> = {}): E.AwardClosed => ({
  type: 'AwardClosed',
  data: { awardId: AWARD_ID, closedOn: '2022-11-30', underspendReturned, ...data },
});

export const programmeOpened = (data: Partial<ProgrammeOpened['data']> = {}): ProgrammeOpened => ({
  type: 'ProgrammeOpened',
  data: {
    programmeId: PROGRAMME_ID,
    name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
    funder: homeOffice,
    envelope: '11300000.00',
    financialYear: '2021-22',
    openedOn: '2021-07-01',
    ...data,
  },
});

// ---- commands ----

export const makeAward = (amount = '100000.00', fields: Fields<C.MakeAward> = {}): C.MakeAward => {
  const { data } = awardMade(amount);
  return { type: 'MakeAward', ...data, amount: money(amount), ...fields };
};

export const varyAward = (
  change: { newAmount?: string; newWindowEnd?: string },
  fields: Fields<C.VaryAward> = {},
): C.VaryAward => ({
  type: 'VaryAward',
  awardId: AWARD_ID,
  ...(change.newAmount === undefined ? {} : { newAmount: money(change.newAmount) }),
  ...(change.newWindowEnd === undefined ? {} : { newWindowEnd: change.newWindowEnd }),
  effectiveOn: '2021-07-31',
  reason: 'Confirmed amount',
  reference: 'Decision 2021-7335',
  ...fields,
});

export const pledgeMatchFunding = (
  amount: string,
  fields: Fields<C.PledgeMatchFunding> = {},
): C.PledgeMatchFunding => ({
  type: 'PledgeMatchFunding',
  awardId: AWARD_ID,
  contributionId: CONTRIBUTION_ID,
  contributor: opcc,
  amount: money(amount),
  pledgedOn: '2021-07-31',
  ...fields,
});

export const receiveMatchFunding = (
  amount: string,
  fields: Fields<C.ReceiveMatchFunding> = {},
): C.ReceiveMatchFunding => ({
  type: 'ReceiveMatchFunding',
  awardId: AWARD_ID,
  contributionId: CONTRIBUTION_ID,
  amount: money(amount),
  receivedOn: '2021-11-15',
  ...fields,
});

export const withdrawMatchFunding = (
  amount: string,
  fields: Fields<C.WithdrawMatchFunding> = {},
): C.WithdrawMatchFunding => ({
  type: 'WithdrawMatchFunding',
  awardId: AWARD_ID,
  contributionId: CONTRIBUTION_ID,
  amount: money(amount),
  withdrawnOn: '2021-12-15',
  reason: 'Budget cut',
  ...fields,
});

export const commitGrant = (amount: string, fields: Fields<C.CommitGrant> = {}): C.CommitGrant => ({
  type: 'CommitGrant',
  awardId: AWARD_ID,
  grantId: GRANT_ID,
  grantee: harbour,
  amount: money(amount),
  committedOn: '2021-08-01',
  purpose: 'Delivery',
  ...fields,
});

export const varyGrantCommitment = (
  newAmount: string,
  fields: Fields<C.VaryGrantCommitment> = {},
): C.VaryGrantCommitment => ({
  type: 'VaryGrantCommitment',
  awardId: AWARD_ID,
  grantId: GRANT_ID,
  newAmount: money(newAmount),
  effectiveOn: '2021-09-01',
  reason: 'Re-scoped',
  ...fields,
});

export const payDisbursement = (amount: string, fields: Fields<C.PayDisbursement> = {}): C.PayDisbursement => ({
  type: 'PayDisbursement',
  awardId: AWARD_ID,
  grantId: GRANT_ID,
  disbursementId: DISBURSEMENT_ID,
  amount: money(amount),
  paidOn: '2021-12-01',
  reference: 'PAY-1',
  ...fields,
});

export const reverseDisbursement = (fields: Fields<C.ReverseDisbursement> = {}): C.ReverseDisbursement => ({
  type: 'ReverseDisbursement',
  awardId: AWARD_ID,
  disbursementId: DISBURSEMENT_ID,
  reversedOn: '2021-12-15',
  reason: 'Paid to the wrong account',
  ...fields,
});

export const extendProvision = (newEnd: string, fields: Fields<C.ExtendProvision> = {}): C.ExtendProvision => ({
  type: 'ExtendProvision',
  awardId: AWARD_ID,
  newEnd,
  decidedOn: '2021-07-31',
  reason: 'Match funding extends provision',
  fundedBy: [CONTRIBUTION_ID],
  ...fields,
});

export const setSpendProfile = (months: Record<string, string>, fields: Fields<C.SetSpendProfile> = {}): C.SetSpendProfile => ({
  type: 'SetSpendProfile',
  awardId: AWARD_ID,
  setOn: '2021-08-01',
  months: new Map(Object.entries(months).map(([month, cost]) => [month, money(cost)])),
  ...fields,
});

export const recordDecision = (
  declared: { awardAmount?: string; matchTotal?: string; grantsTotal?: string } = {},
  fields: Fields<C.RecordDecision> = {},
): C.RecordDecision => ({
  type: 'RecordDecision',
  awardId: AWARD_ID,
  decisionRef: '2021-7335',
  decidedOn: '2021-07-31',
  declared: Object.fromEntries(Object.entries(declared).map(([name, total]) => [name, money(total)])),
  ...fields,
});

export const closeAward = (underspendReturned = '0.00', fields: Fields<C.CloseAward> = {}): C.CloseAward => ({
  type: 'CloseAward',
  awardId: AWARD_ID,
  closedOn: '2022-11-30',
  underspendReturned: money(underspendReturned),
  ...fields,
});

export const openProgramme = (fields: Fields<OpenProgramme> = {}): OpenProgramme => {
  const { data } = programmeOpened();
  return { type: 'OpenProgramme', ...data, envelope: money(data.envelope), ...fields };
};

// ---- deciders as specifications use them ----

/** The award's decider, deciding on TODAY unless the spec's context names another day. */
export const awardDeciderForSpecs = {
  ...awardDecider,
  decide: (state: AwardState, command: C.AwardCommand, context: Partial<AwardDecisionContext> = {}) =>
    awardDecider.decide(state, command, { today: TODAY, ...context }),
};

/** The programme's decider, deciding on TODAY unless the spec's context names another day. */
export const programmeDeciderForSpecs = {
  ...programmeDecider,
  decide: (state: ProgrammeState, command: OpenProgramme, context: { today?: string } = {}) =>
    programmeDecider.decide(state, command, { today: TODAY, ...context }),
};
