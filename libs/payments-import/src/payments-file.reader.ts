import { createHash } from 'node:crypto';
import { InvalidCalendarValueError, parseDate, type IsoDate } from '@fundledger/calendar';
import { InvalidAmountError, Money } from '@fundledger/money';
import { CsvError, parse } from 'csv-parse/sync';
import { DEFAULT_COLUMNS, PAYMENT_FIELDS, type ColumnMapping, type PaymentField } from './column-mapping';
import { PaymentsFileError, type RowProblem } from './payments-file.errors';

/** More rows than a finance officer can read through in one preview is more than one file should hold. */
export const MAX_PAYMENT_ROWS = 5_000;

/** A row's values as the file has them (trimmed), shown beside the result whatever it is. */
export type PaymentCells = Readonly<Record<PaymentField, string>>;

export interface Payment {
  readonly paidOn: IsoDate;
  readonly grantId: string;
  readonly amount: Money;
  readonly reference: string;
}

/** Row numbers are the spreadsheet's: the header is row 1, so the first payment is row 2. */
export type PaymentRow = { readonly row: number; readonly cells: PaymentCells } & (
  | { readonly payment: Payment; readonly problem?: undefined }
  | { readonly problem: RowProblem; readonly payment?: undefined }
);

export interface PaymentsFile {
  /** sha256 of the file's bytes, hex: with the row number, the identity of each payment it records. */
  readonly sha256: string;
  readonly columns: ColumnMapping;
  readonly rows: readonly PaymentRow[];
}

/**
 * Reads a finance system's payments export (CSV, UTF-8, a header row) into payments, row by row: a row
 * that is not a payment gets its own coded problem and the rest are still read. A file that cannot be
 * read as a whole (not text, not CSV, a column missing) is a PaymentsFileError. Pure: bytes in, rows out.
 */
export const readPaymentsFile = (bytes: Uint8Array, columns: ColumnMapping = DEFAULT_COLUMNS): PaymentsFile => {
  const records = csvRecords(textOf(bytes));
  const [header, ...rows] = records;
  const index = columnIndexes(header, columns);
  const read: PaymentRow[] = [];
  rows.forEach((fields, i) => {
    // A blank line is a blank spreadsheet row: it keeps its number but is not a payment.
    if (fields.every((field) => field === '')) return;
    read.push(paymentRow(i + 2, fields, header.length, index, columns));
  });
  if (read.length === 0) throw new PaymentsFileError('NO_PAYMENT_ROWS', 'the file has a header but no payment rows');
  if (read.length > MAX_PAYMENT_ROWS) {
    throw new PaymentsFileError('TOO_MANY_ROWS', `the file has ${read.length} payment rows; one file may have at most ${MAX_PAYMENT_ROWS}: split it`);
  }
  return { sha256: createHash('sha256').update(bytes).digest('hex'), columns, rows: read };
};

const textOf = (bytes: Uint8Array): string => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PaymentsFileError('NOT_UTF8', 'the file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8 (comma delimited)"');
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new PaymentsFileError('EMPTY_FILE', 'the file is empty: it needs a header row and a row per payment');
  return text;
};

const csvRecords = (text: string): string[][] => {
  try {
    return parse(text, { bom: true, trim: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new PaymentsFileError('MALFORMED_CSV', `the file is not valid CSV: ${error.message}`);
    throw error;
  }
};

/** Where each field's column is; header names match whatever their case. */
const columnIndexes = (header: readonly string[], columns: ColumnMapping): Record<PaymentField, number> => {
  const names = header.map((name) => name.toLowerCase());
  const missing = PAYMENT_FIELDS.filter((field) => !names.includes(columns[field].toLowerCase()));
  if (missing.length > 0) {
    const wanted = missing.map((field) => `"${columns[field]}" (${field})`).join(', ');
    throw new PaymentsFileError('MISSING_COLUMN', `the header row has no column ${wanted}; it has ${header.map((name) => `"${name}"`).join(', ')}`, missing[0]);
  }
  const index = {} as Record<PaymentField, number>;
  for (const field of PAYMENT_FIELDS) {
    const wanted = columns[field].toLowerCase();
    if (names.indexOf(wanted) !== names.lastIndexOf(wanted)) {
      throw new PaymentsFileError('DUPLICATE_COLUMN', `the header row has two columns named "${columns[field]}" (${field}): which one holds the ${field} is not clear`, field);
    }
    index[field] = names.indexOf(wanted);
  }
  return index;
};

const paymentRow = (row: number, fields: readonly string[], width: number, index: Record<PaymentField, number>, columns: ColumnMapping): PaymentRow => {
  const cells = Object.fromEntries(PAYMENT_FIELDS.map((field) => [field, fields[index[field]] ?? ''])) as Record<PaymentField, string>;
  const problem = (code: RowProblem['code'], message: string): PaymentRow => ({ row, cells, problem: { code, message: `row ${row}: ${message}` } });
  // An unquoted "1,234.50" splits into two fields and moves every column after it: never guess which.
  if (fields.length !== width) {
    return problem('WRONG_FIELD_COUNT', `has ${fields.length} fields where the header has ${width}; a value holding a comma must be in double quotes`);
  }
  const empty = PAYMENT_FIELDS.find((field) => cells[field] === '');
  if (empty !== undefined) return problem('EMPTY_VALUE', `${empty} ("${columns[empty]}") is empty`);
  let paidOn: IsoDate;
  try {
    paidOn = isoDateOf(cells.date);
  } catch (error) {
    if (!(error instanceof InvalidCalendarValueError)) throw error;
    return problem('INVALID_DATE', `date "${cells.date}" is not a date: ${error.reason}`);
  }
  let amount: Money;
  try {
    amount = Money.parseAmount(plainAmount(cells.amount), 'amount');
  } catch (error) {
    if (!(error instanceof InvalidAmountError)) throw error;
    return problem('INVALID_AMOUNT', `amount "${cells.amount}" is not an amount of pounds and pence: ${error.reason}`);
  }
  return { row, cells, payment: { paidOn, grantId: cells.grant, amount, reference: cells.reference } };
};

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** YYYY-MM-DD, or DD/MM/YYYY as UK spreadsheets write dates; either must be a real date. */
const isoDateOf = (text: string): IsoDate => {
  const uk = UK_DATE.exec(text);
  if (uk === null) {
    if (text.includes('/')) throw new InvalidCalendarValueError('date', 'must be DD/MM/YYYY (UK order) or YYYY-MM-DD');
    return parseDate(text, 'date');
  }
  return parseDate(`${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`, 'date');
};

// A spreadsheet shows pounds as "£1,234.50": the sign and correct thousands groups are dropped, anything else is left for Money to refuse.
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

const plainAmount = (text: string): string => {
  const unsigned = text.startsWith('£') ? text.slice(1) : text;
  return GROUPED.test(unsigned) ? unsigned.replace(/,/g, '') : unsigned;
};
