import { PaymentsFileError } from './payments-file.errors';

/** What a payment needs from each row, in the reader's words. */
export const PAYMENT_FIELDS = ['date', 'grant', 'amount', 'reference'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** The header name of the column holding each field: finance systems name them their own way. */
export type ColumnMapping = Readonly<Record<PaymentField, string>>;

export const DEFAULT_COLUMNS: ColumnMapping = { date: 'date', grant: 'grant', amount: 'amount', reference: 'reference' };

const isField = (name: string): name is PaymentField => (PAYMENT_FIELDS as readonly string[]).includes(name);

const invalid = (reason: string, field?: PaymentField): never => {
  throw new PaymentsFileError('INVALID_COLUMN_MAPPING', `column names: ${reason}`, field);
};

/**
 * The mapping with the names given (the page's four fields); a field left out or blank keeps its
 * default. Two fields may not read one column: a payment's amount is never its reference.
 */
export const columnMappingOf = (names: Partial<Record<PaymentField, string>>): ColumnMapping => {
  const mapping = { ...DEFAULT_COLUMNS };
  for (const field of PAYMENT_FIELDS) {
    const name = names[field]?.trim();
    if (name !== undefined && name !== '') mapping[field] = name;
  }
  for (const field of PAYMENT_FIELDS) {
    const other = PAYMENT_FIELDS.find((f) => f !== field && mapping[f].toLowerCase() === mapping[field].toLowerCase());
    if (other !== undefined) invalid(`${field} and ${other} both name the column "${mapping[field]}"`, other);
  }
  return mapping;
};

/** `date=Posting Date,grant=Grant ID,amount=Net,reference=Invoice` (the CLI's --columns); fields left out keep their defaults. */
export const parseColumnMapping = (text: string): ColumnMapping => {
  const names: Partial<Record<PaymentField, string>> = {};
  for (const pair of text.split(',')) {
    const equals = pair.indexOf('=');
    if (equals < 0) invalid(`"${pair.trim()}" is not field=Column Name (fields: ${PAYMENT_FIELDS.join(', ')})`);
    const field = pair.slice(0, equals).trim();
    const name = pair.slice(equals + 1).trim();
    if (!isField(field)) invalid(`"${field}" is not one of ${PAYMENT_FIELDS.join(', ')}`);
    if (names[field as PaymentField] !== undefined) invalid(`${field} is named twice`);
    if (name === '') invalid(`${field} names no column`);
    names[field as PaymentField] = name;
  }
  return columnMappingOf(names);
};

/** The mapping as --columns takes it, so a preview can be checked again with the same names. */
export const columnMappingText = (mapping: ColumnMapping): string => PAYMENT_FIELDS.map((field) => `${field}=${mapping[field]}`).join(',');
