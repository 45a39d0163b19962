import { LedgerRuleBroken } from '../errors/funding.errors';
import type { AwardCommand } from './award.commands';
import type { AwardEvent } from './award.events';

/**
 * Who has done which of the two duties on an award that one person must never both do: recording its
 * payments and certifying its budget. The events do not say who recorded them (their metadata does),
 * so the handler folds this from the stream and hands it to the decision.
 */
export interface DutiesRecorded {
  /** Subjects who recorded or reversed a disbursement on the award. */
  readonly paidBy: readonly string[];
  /** Subjects who issued a Section 151 certificate on the award. */
  readonly certifiedBy: readonly string[];
}

/** The subject deciding now, beside what the award's history records. */
export interface ActingDuties {
  readonly actor: string;
  readonly recorded: DutiesRecorded;
}

export const NO_DUTIES_RECORDED: DutiesRecorded = { paidBy: [], certifiedBy: [] };

type Duty = keyof DutiesRecorded;

const DUTY_OF_EVENT: Partial<Record<AwardEvent['type'], Duty>> = {
  DisbursementPaid: 'paidBy',
  DisbursementReversed: 'paidBy',
  BudgetCertified: 'certifiedBy',
};

const DUTY_OF_COMMAND: Partial<Record<AwardCommand['type'], Duty>> = {
  PayDisbursement: 'paidBy',
  ReverseDisbursement: 'paidBy',
  CertifyBudget: 'certifiedBy',
};

const OTHER_DUTY: Readonly<Record<Duty, Duty>> = { paidBy: 'certifiedBy', certifiedBy: 'paidBy' };

const DUTY_NAME: Readonly<Record<Duty, string>> = {
  paidBy: 'recorded disbursements',
  certifiedBy: 'certified the budget',
};

/** The duties after one more recorded event of the award, by the subject its metadata names. */
export const recordDuty = (recorded: DutiesRecorded, eventType: string, actor: string | undefined): DutiesRecorded => {
  const duty = DUTY_OF_EVENT[eventType as AwardEvent['type']];
  if (duty === undefined || actor === undefined || recorded[duty].includes(actor)) return recorded;
  return { ...recorded, [duty]: [...recorded[duty], actor] };
};

/**
 * Separation of duties (the officer who enters the money is not the one who certifies it): the same
 * subject may not record a disbursement on an award whose budget it certified, nor certify the budget
 * of an award on which it recorded a disbursement, whichever came first and whatever role it held.
 */
export const refuseUnseparatedDuties = (command: AwardCommand, duties: ActingDuties | undefined): void => {
  const duty = DUTY_OF_COMMAND[command.type];
  if (duty === undefined || duties === undefined) return;
  const other = OTHER_DUTY[duty];
  if (!duties.recorded[other].includes(duties.actor)) return;
  throw new LedgerRuleBroken(
    'DUTIES_NOT_SEPARATED',
    `${duties.actor} ${DUTY_NAME[other]} on award ${command.awardId}, so may not also ${duty === 'paidBy' ? 'record its disbursements' : 'certify its budget'}: another officer must`,
    { actor: duties.actor, awardId: command.awardId, command: command.type, earlierDuty: DUTY_NAME[other] },
  );
};
