import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet may take for the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number: a spreadsheet reads it as that number, and it can carry no formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell as it is safe to open in a spreadsheet: text that begins with =, +, -, @, a tab or a carriage
 * return gets a leading apostrophe, so `=HYPERLINK(…)` in an organisation's name is shown, never run.
 * Plain numbers (a negative variance such as -120.50) are left as they are so that they stay numbers.
 */
export const neutraliseCsvCell = (cell: string): string =>
  FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;

/** Every CSV this service writes goes through here: RFC 4180 quoting, every cell neutralised. */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  stringify(rows.map((row) => row.map(neutraliseCsvCell)));
