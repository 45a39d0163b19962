export type FundedMonthsInputErrorCode =
  | 'EMPTY_PROVISION_PERIOD'
  | 'DUPLICATE_MONTH'
  | 'NEGATIVE_MONTHLY_COST'
  | 'NEGATIVE_SOURCE_AVAILABLE'
  | 'DUPLICATE_SOURCE';

/**
 * Input the reconciliation cannot give a true answer for. The ledger's own rules (DESIGN §4) keep
 * these out of a real award, so meeting one means the mapping from award state is wrong: refuse
 * loudly rather than report figures that do not add up.
 */
export class FundedMonthsInputError extends Error {
  constructor(
    readonly code: FundedMonthsInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FundedMonthsInputError';
  }
}
