import type { AwardCommand } from './award/award.commands';
import { parseCertifyBudget } from './award/certify-budget/certify-budget.parse';
import { parseCloseAward } from './award/close-award/close-award.parse';
import { parseCommitGrant } from './award/commit-grant/commit-grant.parse';
import { parseExtendProvision } from './award/extend-provision/extend-provision.parse';
import { parseMakeAward } from './award/make-award/make-award.parse';
import { parsePayDisbursement } from './award/pay-disbursement/pay-disbursement.parse';
import { parsePledgeMatchFunding } from './award/pledge-match-funding/pledge-match-funding.parse';
import { parseReceiveMatchFunding } from './award/receive-match-funding/receive-match-funding.parse';
import { parseRecordDecision } from './award/record-decision/record-decision.parse';
import { parseReverseDisbursement } from './award/reverse-disbursement/reverse-disbursement.parse';
import { parseSetSpendProfile } from './award/set-spend-profile/set-spend-profile.parse';
import { parseSubmitReturn } from './award/submit-return/submit-return.parse';
import { parseVaryAward } from './award/vary-award/vary-award.parse';
import { parseVaryGrantCommitment } from './award/vary-grant-commitment/vary-grant-commitment.parse';
import { parseWithdrawMatchFunding } from './award/withdraw-match-funding/withdraw-match-funding.parse';
import { InvalidCommand } from './errors/funding.errors';
import { parseOpenProgramme } from './programme/open-programme/open-programme.parse';
import type { ProgrammeCommand } from './programme/programme.commands';

export type FundingCommand = AwardCommand | ProgrammeCommand;
export type FundingCommandType = FundingCommand['type'];

/** One strict parser per command type; the record's type makes a forgotten command a compile error. */
export const fundingCommandParsers: {
  readonly [Type in FundingCommandType]: (raw: unknown) => Extract<FundingCommand, { type: Type }>;
} = {
  OpenProgramme: parseOpenProgramme,
  MakeAward: parseMakeAward,
  VaryAward: parseVaryAward,
  PledgeMatchFunding: parsePledgeMatchFunding,
  ReceiveMatchFunding: parseReceiveMatchFunding,
  WithdrawMatchFunding: parseWithdrawMatchFunding,
  CommitGrant: parseCommitGrant,
  VaryGrantCommitment: parseVaryGrantCommitment,
  PayDisbursement: parsePayDisbursement,
  ReverseDisbursement: parseReverseDisbursement,
  ExtendProvision: parseExtendProvision,
  SetSpendProfile: parseSetSpendProfile,
  RecordDecision: parseRecordDecision,
  CertifyBudget: parseCertifyBudget,
  SubmitReturn: parseSubmitReturn,
  CloseAward: parseCloseAward,
};

export const isFundingCommandType = (type: unknown): type is FundingCommandType =>
  typeof type === 'string' && Object.hasOwn(fundingCommandParsers, type);

/**
 * Parses the body of a command of the given type (a fixture entry without its `commandId` and `type`, or an
 * HTTP body). Throws InvalidCommand naming every field error, or the unknown type.
 */
export function parseFundingCommand<Type extends FundingCommandType>(
  type: Type,
  body: unknown,
): Extract<FundingCommand, { type: Type }>;
export function parseFundingCommand(type: unknown, body: unknown): FundingCommand;
export function parseFundingCommand(type: unknown, body: unknown): FundingCommand {
  if (!isFundingCommandType(type)) {
    const shown = typeof type === 'string' ? type : (JSON.stringify(type) ?? String(type));
    return invalidType(shown);
  }
  return fundingCommandParsers[type](body);
}

/** Programme commands go to the programme's stream, every other command to its award's. */
export const isProgrammeCommand = (command: FundingCommand): command is ProgrammeCommand =>
  command.type === 'OpenProgramme';

const invalidType = (shown: string): never => {
  const known = Object.keys(fundingCommandParsers).join(', ');
  throw new InvalidCommand('command', [
    { field: 'type', message: `type: unknown command type ${shown}; expected one of ${known}` },
  ]);
};
