import { Workbook, type Cell, type CellFormulaValue, type Worksheet } from 'exceljs';
import { foldAwardRecord } from '../award-record/award-record';
import { homeOfficeReturnToCsv } from './home-office-return.csv';
import { homeOfficeReturn, type HomeOfficeReturn } from './home-office-return.report';
import { AWARD, quartersRecorder } from './home-office-return.test-builders';
import { homeOfficeReturnToXlsx, MONEY_FORMAT } from './home-office-return.xlsx';

const record = foldAwardRecord(quartersRecorder().events.filter((e) => e.stream === `award-${AWARD}`))!;
const q4: HomeOfficeReturn = homeOfficeReturn(record.view, '2021-22', 4, record.matchReceipts, {
  varianceReasons: { '2022-03': 'Invoice paid in April' },
});
const q3: HomeOfficeReturn = homeOfficeReturn(record.view, '2021-22', 3, record.matchReceipts);

const load = async (report: HomeOfficeReturn): Promise<Worksheet> => {
  const workbook = new Workbook();
  // exceljs types its input as an ArrayBuffer-backed Buffer; the bytes are the same.
  await workbook.xlsx.load((await homeOfficeReturnToXlsx(report)) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
};

const rowLabelled = (sheet: Worksheet, label: string): number => {
  let found: number | undefined;
  sheet.eachRow((row, n) => {
    if (found === undefined && row.getCell(1).value === label) found = n;
  });
  if (found === undefined) throw new Error(`no row labelled ${label}`);
  return found;
};

const formulaCells = (sheet: Worksheet): Cell[] => {
  const cells: Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => (cell.formula ? cells.push(cell) : undefined)));
  return cells;
};

/**
 * A total cell: its formula and the result it carries for spreadsheets that do not recalculate. exceljs
 * writes a cached 0 (<v>0</v>) but reads it back as no result at all, hence the 0 here.
 */
const totalAt = (sheet: Worksheet, address: string): CellFormulaValue => {
  const value = sheet.getCell(address).value as CellFormulaValue;
  expect(value.formula).toBeDefined();
  return { formula: value.formula, result: value.result ?? 0 };
};

/** Evaluates the two formulas the return uses, SUM(Xa:Xb) and Cn-Bn, over the sheet's own numbers. */
const evaluate = (sheet: Worksheet, formula: string): number => {
  const numberAt = (address: string): number => {
    const value = sheet.getCell(address).value;
    return typeof value === 'number' ? value : (((value as CellFormulaValue).result ?? 0) as number);
  };
  const range = /^SUM\(([A-Z])(\d+):([A-Z])(\d+)\)$/.exec(formula);
  if (range) {
    let total = 0;
    for (let row = Number(range[2]); row <= Number(range[4]); row += 1) total += numberAt(`${range[1]}${row}`);
    return total;
  }
  const difference = /^([A-Z]\d+)-([A-Z]\d+)$/.exec(formula);
  if (difference) return numberAt(difference[1]) - numberAt(difference[2]);
  throw new Error(`unexpected formula ${formula}`);
};

describe('the Home Office return as a spreadsheet', () => {
  it('gives each total as a SUM formula whose result is the JSON’s figure', async () => {
    const sheet = await load(q4);
    const spend = rowLabelled(sheet, 'Total spend');
    expect(totalAt(sheet, `B${spend}`)).toEqual({ formula: `SUM(B${spend - 5}:B${spend - 3})`, result: Number(q4.spend.quarter.total) });
    expect(totalAt(sheet, `C${spend}`).result).toBe(Number(q4.spend.toDate.total));
    const match = rowLabelled(sheet, 'Match funding total');
    expect(totalAt(sheet, `B${match}`).result).toBe(Number(q4.spend.quarter.match));
    expect(totalAt(sheet, `C${match}`).result).toBe(Number(q4.spend.toDate.match));
    expect(totalAt(sheet, `B${rowLabelled(sheet, 'Funder total')}`).result).toBe(Number(q4.spend.quarter.funder));
    expect(totalAt(sheet, `C${rowLabelled(sheet, 'Total received')}`).result).toBe(Number(q4.matchFundingReceived.toDate));
    const quarter = rowLabelled(sheet, 'Quarter total');
    expect(totalAt(sheet, `B${quarter}`).result).toBe(Number(q4.variance.quarter.planned));
    expect(totalAt(sheet, `C${quarter}`).result).toBe(Number(q4.variance.quarter.actual));
    expect(totalAt(sheet, `D${quarter}`).result).toBe(Number(q4.variance.quarter.variance));
    expect(totalAt(sheet, `B${rowLabelled(sheet, 'Total that would lapse')}`).result).toBe(Number(q4.forecastLapse.total));
  });

  it('states the forecast totals of the quarter that has one', async () => {
    const sheet = await load(q3);
    const forecast = rowLabelled(sheet, 'Forecast to 2022-03');
    expect(totalAt(sheet, `B${forecast}`)).toEqual({
      formula: `SUM(B${forecast - 3}:B${forecast - 1})`,
      result: Number(q3.forecast.total),
    });
    expect(totalAt(sheet, `C${forecast}`).result).toBe(Number(q3.forecast.funder));
  });

  it.each([
    ['Q3', q3],
    ['Q4', q4],
  ])('has %s totals that a recalculating spreadsheet agrees with', async (_, report) => {
    const cells = formulaCells(await load(report));
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(evaluate(cell.worksheet, cell.formula)).toBeCloseTo((cell.result ?? 0) as number, 2);
  });

  it('writes amounts as numbers formatted to 2 dp, and the officer’s reasons as text', async () => {
    const sheet = await load(q4);
    const march = rowLabelled(sheet, '2022-03');
    expect(sheet.getCell(`B${march}`).value).toBe(2000);
    expect(sheet.getCell(`B${march}`).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getCell(`C${march}`).value).toBe(0);
    expect(sheet.getCell(`F${march}`).value).toBe('Invoice paid in April');
    expect(sheet.getCell(`B${rowLabelled(sheet, 'Total spend')}`).numFmt).toBe(MONEY_FORMAT);
  });
});

describe('the Home Office return as CSV', () => {
  const lines = homeOfficeReturnToCsv(q4).split('\n');

  it('has one figure a row under a header, amounts as 2-dp strings', () => {
    expect(lines[0]).toBe('section,line,period,value,note');
    expect(lines).toEqual(
      expect.arrayContaining([
        'actual spend,Home Office (funder),quarter,6100.00,',
        'actual spend,Council A (match m-council),to date,300.00,',
        'actual spend,total,to date,12300.00,',
        'match funding received,total,quarter,1000.00,',
        'forecast lapse,funder (returnable),window end,0.00,',
      ]),
    );
  });

  it('puts the officer’s reason beside the month’s variance', () =>
    expect(lines).toContain('variance against profile,variance,2022-03,-2000.00,Invoice paid in April'));
});
