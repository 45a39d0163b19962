/**
 * The closed set of errors the funding domain raises. Each has a stable `code` and a `kind` that the
 * transport maps to a status (invalid-command 400, not-found 404, already-exists 409, ledger-rule 422);
 * no HTTP type lives in the domain.
 */

/** A rule of DESIGN §4 (or one this domain adds where the design is silent) that a command would break. */
export type LedgerRuleCode =
  | 'AWARD_CLOSED'
  | 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING'
  | 'PAYMENT_EXCEEDS_COMMITMENT'
  | 'COMMITMENT_BELOW_PAID'
  | 'VARIATION_LEAVES_COMMITMENTS_UNFUNDED'
  | 'WITHDRAWAL_LEAVES_COMMITMENTS_UNFUNDED'
  | 'WINDOW_CANNOT_BE_SHORTENED'
  | 'WINDOW_END_BEFORE_START'
  | 'CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION'
  | 'RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE'
  | 'WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE'
  | 'EXTENSION_MUST_MOVE_END_LATER'
  | 'DISBURSEMENT_ALREADY_REVERSED'
  | 'SPEND_PROFILE_MONTHS_MISMATCH'
  | 'NOTHING_TO_VARY'
  | 'UNDERSPEND_EXCEEDS_UNSPENT'
  | 'REGULATIONS_NOT_COMPLIED'
  | 'DECISION_NOT_RECORDED'
  | 'ACKNOWLEDGEMENT_REQUIRED'
  | 'ACKNOWLEDGEMENT_NOT_APPLICABLE'
  | 'RETURN_QUARTER_NOT_ENDED'
  | 'DUTIES_NOT_SEPARATED'
  | BusinessDateRuleCode;

/** DESIGN §4 dates: each names the two dates it compares. */
export type BusinessDateRuleCode =
  | 'BUSINESS_DATE_IN_FUTURE'
  | 'COMMITMENT_BEFORE_AWARD'
  | 'PAYMENT_BEFORE_COMMITMENT'
  | 'REVERSAL_BEFORE_PAYMENT'
  | 'RECEIPT_BEFORE_PLEDGE'
  | 'WITHDRAWAL_BEFORE_PLEDGE'
  | 'VARIATION_BEFORE_AWARD'
  | 'VARIATION_BEFORE_COMMITMENT'
  | 'CERTIFICATE_BEFORE_DECISION'
  | 'EXTENSION_BEFORE_AWARD';

export type NotFoundCode =
  | 'AWARD_NOT_FOUND'
  | 'PROGRAMME_NOT_FOUND'
  | 'UNKNOWN_CONTRIBUTION'
  | 'UNKNOWN_GRANT'
  | 'UNKNOWN_DISBURSEMENT'
  | 'CERTIFICATE_NOT_FOUND'
  | 'RETURN_VERSION_NOT_FOUND';

export type AlreadyExistsCode =
  | 'AWARD_ALREADY_MADE'
  | 'PROGRAMME_ALREADY_OPENED'
  | 'DUPLICATE_CONTRIBUTION_ID'
  | 'DUPLICATE_GRANT_ID'
  | 'DUPLICATE_DISBURSEMENT_ID';

export type InvalidCommandCode = 'INVALID_COMMAND';

export type FundingErrorCode = LedgerRuleCode | NotFoundCode | AlreadyExistsCode | InvalidCommandCode;

export type FundingErrorKind = 'invalid-command' | 'not-found' | 'already-exists' | 'ledger-rule';

/** Figures and ids that explain an error, as plain JSON (money as fixed 2-dp strings). */
export type ErrorDetails = Readonly<Record<string, string | readonly string[]>>;

export abstract class FundingError extends Error {
  abstract readonly kind: FundingErrorKind;

  protected constructor(
    readonly code: FundingErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A ledger rule would break: the command is well formed but the books do not allow it (422). */
export class LedgerRuleBroken extends FundingError {
  readonly kind = 'ledger-rule' as const;
  declare readonly code: LedgerRuleCode;

  constructor(code: LedgerRuleCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

/** The command names an award, programme, contribution, grant or disbursement that was never recorded (404). */
export class NotFound extends FundingError {
  readonly kind = 'not-found' as const;
  declare readonly code: NotFoundCode;

  constructor(code: NotFoundCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

/** The command would record under an id that is already taken (409). */
export class AlreadyExists extends FundingError {
  readonly kind = 'already-exists' as const;
  declare readonly code: AlreadyExistsCode;

  constructor(code: AlreadyExistsCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

export interface FieldError {
  /** Path of the field in the raw body: `amount`, `window.start`, `fundedBy[1]`, `months.2021-10`. */
  readonly field: string;
  /** Starts with the field: "amount: 3 decimal places, at most 2 allowed". */
  readonly message: string;
}

/** The raw body is not a valid command: every field error found, not only the first (400). */
export class InvalidCommand extends FundingError {
  readonly kind = 'invalid-command' as const;
  declare readonly code: InvalidCommandCode;

  constructor(
    readonly commandType: string,
    readonly fields: readonly FieldError[],
  ) {
    super('INVALID_COMMAND', `invalid ${commandType}: ${fields.map((f) => f.message).join('; ')}`);
  }
}

export const isFundingError = (error: unknown): error is FundingError => error instanceof FundingError;
