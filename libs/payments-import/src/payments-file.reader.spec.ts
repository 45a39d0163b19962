import { createHash } from 'node:crypto';
import { columnMappingOf, DEFAULT_COLUMNS, parseColumnMapping } from './column-mapping';
import { MAX_PAYMENT_ROWS, readPaymentsFile, type PaymentRow } from './payments-file.reader';

const file = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const read = (text: string, columns = DEFAULT_COLUMNS) => readPaymentsFile(file(text), columns);
const thrown = (work: () => unknown): { code: string; message: string } => {
  try {
    work();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the file to be refused');
};
const plain = ({ row, payment, problem }: PaymentRow) =>
  payment === undefined ? { row, problem } : { row, paidOn: payment.paidOn, grantId: payment.grantId, amount: payment.amount.toString(), reference: payment.reference };

describe('reading a payments file', () => {
  describe('given a well-formed export', () => {
    const text = 'date,grant,amount,reference\n2021-11-01,g-harbour,1500.00,INV-1\n15/11/2021,g-msp,"£1,234.5",INV-2\n';

    it('reads each row as a payment, numbered as the spreadsheet numbers it, amounts exact', () => {
      expect(read(text).rows.map(plain)).toEqual([
        { row: 2, paidOn: '2021-11-01', grantId: 'g-harbour', amount: '1500.00', reference: 'INV-1' },
        { row: 3, paidOn: '2021-11-15', grantId: 'g-msp', amount: '1234.50', reference: 'INV-2' },
      ]);
    });

    it("names the file by the sha256 of its bytes", () => {
      expect(read(text).sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(read(`${text} `).sha256).not.toBe(read(text).sha256);
    });

    it('reads an Excel export: a byte-order mark, CRLF line ends, quoted fields, blank rows keeping their numbers', () => {
      const excel = '\uFEFFdate,grant,amount,reference\r\n2021-11-01,g-harbour,10.00,"INV, 1"\r\n\r\n2021-11-02,g-harbour,20.00,INV-2\r\n';

      expect(read(excel).rows.map((row) => [row.row, row.payment?.reference])).toEqual([
        [2, 'INV, 1'],
        [4, 'INV-2'],
      ]);
    });
  });

  describe('given column names of its own', () => {
    const text = 'Posting Date,Cost Centre,Grant ID,Net,Invoice\n2021-11-01,CC1,g-harbour,10.00,INV-1\n';

    it('reads the columns the mapping names, in any order and case, and ignores the others', () => {
      const columns = parseColumnMapping('date=posting date,grant=Grant ID,amount=Net,reference=Invoice');

      expect(read(text, columns).rows.map(plain)).toEqual([{ row: 2, paidOn: '2021-11-01', grantId: 'g-harbour', amount: '10.00', reference: 'INV-1' }]);
    });

    it('refuses a file whose header lacks a named column, naming it and the columns there are', () => {
      expect(thrown(() => read(text, parseColumnMapping('date=Posting Date,amount=Gross')))).toEqual(
        expect.objectContaining({
          code: 'MISSING_COLUMN',
          message: 'the header row has no column "grant" (grant), "Gross" (amount), "reference" (reference); it has "Posting Date", "Cost Centre", "Grant ID", "Net", "Invoice"',
        }),
      );
    });
  });

  describe('a row that is not a payment gets its own problem, and the others are still read', () => {
    const rowsOf = (...lines: string[]) => read(['date,grant,amount,reference', ...lines].join('\n')).rows.map(plain);

    it.each([
      ['12.345', 'amount "12.345" is not an amount of pounds and pence: 3 decimal places, at most 2 allowed'],
      ['-10.00', 'amount "-10.00" is not an amount of pounds and pence: must be greater than 0'],
      ['0.00', 'amount "0.00" is not an amount of pounds and pence: must be greater than 0'],
      ['1e3', 'amount "1e3" is not an amount of pounds and pence: exponent notation not allowed'],
      ['12,34.00', 'amount "12,34.00" is not an amount of pounds and pence: must be a decimal number like 1234.56'],
      ['ten', 'amount "ten" is not an amount of pounds and pence: must be a decimal number like 1234.56'],
    ])('amount %s: INVALID_AMOUNT', (amount, message) => {
      expect(rowsOf(`2021-11-01,g-1,"${amount}",R1`, '2021-11-01,g-1,5.00,R2')).toEqual([
        { row: 2, problem: { code: 'INVALID_AMOUNT', message: `row 2: ${message}` } },
        { row: 3, paidOn: '2021-11-01', grantId: 'g-1', amount: '5.00', reference: 'R2' },
      ]);
    });

    it.each([
      ['31/02/2022', 'date "31/02/2022" is not a date: 2022-02-31 is not a real date: February 2022 has 28 days'],
      ['11/31/2021', 'date "11/31/2021" is not a date: month 31 does not exist: months run from 01 to 12'],
      ['2021/11/01', 'date "2021/11/01" is not a date: must be DD/MM/YYYY (UK order) or YYYY-MM-DD'],
      ['1 Nov 2021', 'date "1 Nov 2021" is not a date: must be a date like 2022-03-31 (YYYY-MM-DD)'],
    ])('date %s: INVALID_DATE', (date, message) => {
      expect(rowsOf(`${date},g-1,5.00,R1`)).toEqual([{ row: 2, problem: { code: 'INVALID_DATE', message: `row 2: ${message}` } }]);
    });

    it('a value left empty: EMPTY_VALUE, naming the column', () => {
      expect(rowsOf('2021-11-01,,5.00,R1')).toEqual([{ row: 2, problem: { code: 'EMPTY_VALUE', message: 'row 2: grant ("grant") is empty' } }]);
    });

    it('an unquoted thousands separator, which moves the columns after it: WRONG_FIELD_COUNT, never a payment of £1', () => {
      expect(rowsOf('2021-11-01,g-1,1,234.50,R1', '2021-11-01,g-1')).toEqual([
        { row: 2, problem: { code: 'WRONG_FIELD_COUNT', message: 'row 2: has 5 fields where the header has 4; a value holding a comma must be in double quotes' } },
        { row: 3, problem: { code: 'WRONG_FIELD_COUNT', message: 'row 3: has 2 fields where the header has 4; a value holding a comma must be in double quotes' } },
      ]);
    });
  });

  describe('a file that cannot be read as a whole is refused, and nothing in it is read', () => {
    it.each([
      ['an empty file', 'EMPTY_FILE', ''],
      ['blank lines only', 'EMPTY_FILE', '\n \n'],
      ['a header and no rows', 'NO_PAYMENT_ROWS', 'date,grant,amount,reference\n'],
      ['a quote never closed', 'MALFORMED_CSV', 'date,grant,amount,reference\n2021-11-01,g-1,"5.00,R1\n'],
      ['a column named twice', 'DUPLICATE_COLUMN', 'date,grant,amount,amount,reference\n2021-11-01,g-1,5.00,6.00,R1\n'],
    ])('%s: %s', (_name, code, text) => {
      expect(thrown(() => read(text)).code).toBe(code);
    });

    it('a file that is not UTF-8 (a Windows-1252 £): NOT_UTF8', () => {
      const bytes = Buffer.concat([Buffer.from('date,grant,amount,reference\n2021-11-01,g-1,'), Buffer.from([0xa3]), Buffer.from('5.00,R1\n')]);

      expect(thrown(() => readPaymentsFile(bytes)).code).toBe('NOT_UTF8');
    });

    it(`more than ${MAX_PAYMENT_ROWS} rows: TOO_MANY_ROWS`, () => {
      const rows = Array.from({ length: MAX_PAYMENT_ROWS + 1 }, (_, i) => `2021-11-01,g-1,1.00,R${i}`);

      expect(thrown(() => read(['date,grant,amount,reference', ...rows].join('\n'))).code).toBe('TOO_MANY_ROWS');
    });
  });
});

describe('column names', () => {
  it('default to date, grant, amount, reference; fields left out keep them', () => {
    expect(parseColumnMapping('amount=Net')).toEqual({ ...DEFAULT_COLUMNS, amount: 'Net' });
    expect(columnMappingOf({ date: ' ', reference: 'Invoice' })).toEqual({ ...DEFAULT_COLUMNS, reference: 'Invoice' });
  });

  it.each([
    ['amount', '"amount" is not field=Column Name (fields: date, grant, amount, reference)'],
    ['net=Net', '"net" is not one of date, grant, amount, reference'],
    ['amount=Net,amount=Gross', 'amount is named twice'],
    ['amount=', 'amount names no column'],
    ['amount=Ref,reference=ref', 'amount and reference both name the column "Ref"'],
  ])('refuse %s', (text, reason) => {
    expect(thrown(() => parseColumnMapping(text))).toEqual(expect.objectContaining({ code: 'INVALID_COLUMN_MAPPING', message: `column names: ${reason}` }));
  });
});
