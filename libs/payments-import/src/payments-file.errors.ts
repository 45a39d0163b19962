/** Why a whole payments file cannot be read: nothing in it is checked or recorded. */
export type PaymentsFileErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_UTF8'
  | 'MALFORMED_CSV'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_PAYMENT_ROWS'
  | 'TOO_MANY_ROWS'
  | 'INVALID_COLUMN_MAPPING'
  | 'FILE_TOO_LARGE'
  | 'MALFORMED_FORM'
  | 'FILE_CHANGED';

export class PaymentsFileError extends Error {
  constructor(
    readonly code: PaymentsFileErrorCode,
    message: string,
    /** The payment field whose column name is at fault, when one is: where a form points the officer. */
    readonly field?: 'date' | 'grant' | 'amount' | 'reference',
  ) {
    super(message);
    this.name = 'PaymentsFileError';
  }
}

/** Why one row is not a payment; the other rows are still read. */
export type RowProblemCode = 'WRONG_FIELD_COUNT' | 'EMPTY_VALUE' | 'INVALID_DATE' | 'INVALID_AMOUNT';

export interface RowProblem {
  readonly code: RowProblemCode;
  /** Names the row, the column and the value as found, and the rule it breaks. */
  readonly message: string;
}
