export * from './errors/funding.errors';
export type { MonthWindow, Organisation } from './funding.values';

export * from './award/award.events';
export * from './award/award.business-date';
export { toAwardEvent } from './award/award.upcast';
export type { StoredEvent } from './business-time/stored-event';
export * from './award/award.commands';
export * from './award/award.state';
export * from './award/award.figures';
export {
  awardDecider,
  decideAward,
  type AwardDecisionContext,
  type AwardDecisionFigures,
  type PinnedFigures,
} from './award/award.decide';

export * from './programme/programme.events';
export * from './programme/programme.commands';
export * from './programme/programme.state';
export { decideProgramme, programmeDecider } from './programme/programme.decide';

export * from './funding-command.parse';
export { parseMakeAward } from './award/make-award/make-award.parse';
export { parseVaryAward } from './award/vary-award/vary-award.parse';
export { parsePledgeMatchFunding } from './award/pledge-match-funding/pledge-match-funding.parse';
export { parseReceiveMatchFunding } from './award/receive-match-funding/receive-match-funding.parse';
export { parseWithdrawMatchFunding } from './award/withdraw-match-funding/withdraw-match-funding.parse';
export { parseCommitGrant } from './award/commit-grant/commit-grant.parse';
export { parseVaryGrantCommitment } from './award/vary-grant-commitment/vary-grant-commitment.parse';
export { parsePayDisbursement } from './award/pay-disbursement/pay-disbursement.parse';
export { parseReverseDisbursement } from './award/reverse-disbursement/reverse-disbursement.parse';
export { parseExtendProvision } from './award/extend-provision/extend-provision.parse';
export { parseSetSpendProfile } from './award/set-spend-profile/set-spend-profile.parse';
export { parseRecordDecision } from './award/record-decision/record-decision.parse';
export { parseCertifyBudget } from './award/certify-budget/certify-budget.parse';
export { parseSubmitReturn } from './award/submit-return/submit-return.parse';
export { parseCloseAward } from './award/close-award/close-award.parse';
export { parseOpenProgramme } from './programme/open-programme/open-programme.parse';
export { PersistentMap } from './award/persistent-map';
