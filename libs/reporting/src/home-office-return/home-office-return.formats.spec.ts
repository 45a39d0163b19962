import { Workbook, type Cell, type CellFormulaValue, type Worksheet } from 'exceljs';
import { foldAwardRecord } from '../award-record/award-record';
import { pdfPages } from '../document/read-back.test-builders';
import { FORECAST_LAPSE_EXPLANATION } from './home-office-return.document';
import { renderReturn } from './home-office-return.output';
import type { HomeOfficeReturn } from './home-office-return.report';
import { AWARD, quartersRecorder } from './home-office-return.test-builders';
import { readReturn, type ReturnReading } from './home-office-return.versions';
import { MONEY_FORMAT } from './home-office-return.xlsx';

const recorder = quartersRecorder();
const submitQ4 = { type: 'SubmitReturn', awardId: AWARD, financialYear: '2021-22', quarter: 4, submittedOn: '2022-04-20' };
recorder.record({ commandId: 'q4-v1', ...submitQ4, varianceReasons: { '2022-03': 'Invoice paid in April' } });
const record = foldAwardRecord(recorder.events.filter((e) => e.stream === `award-${AWARD}`))!;
const q4reading = readReturn(record, '2021-22', 4)!;
const q3reading = readReturn(record, '2021-22', 3)!;
const q4: HomeOfficeReturn = q4reading.report;
const q3: HomeOfficeReturn = q3reading.report;
const readingOf = (report: HomeOfficeReturn): ReturnReading => (report === q4 ? q4reading : q3reading);

const loadWorkbook = async (reading: ReturnReading): Promise<Workbook> => {
  const workbook = new Workbook();
  // exceljs types its input as an ArrayBuffer-backed Buffer; the bytes are the same.
  await workbook.xlsx.load((await renderReturn(reading, record, 'xlsx')) as unknown as ArrayBuffer);
  return workbook;
};
const load = async (report: HomeOfficeReturn): Promise<Worksheet> => (await loadWorkbook(readingOf(report))).worksheets[0];

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

describe('the Home Office return as a spreadsheet, printed', () => {
  it('says which submission it is in its first rows: version, submitted on and by, figures hash', async () => {
    const sheet = await load(q4);
    expect(sheet.getCell('A1').value).toBe('Home Office grant return');
    expect(sheet.getCell('B1').value).toBe(`${AWARD} Q4 2021-22, version 1 of 1, figures sha256 ${q4reading.figuresHash}`);
    const value = (label: string): unknown => sheet.getCell(`B${rowLabelled(sheet, label)}`).value;
    expect(value('Funder')).toBe('Home Office (reference HO-2021)');
    expect(value('Quarter')).toBe('Q4 2021-22 (1 January 2022 to 31 March 2022)');
    expect(value('Version')).toBe('1 of 1');
    expect(value('Submitted on')).toBe('20 April 2022');
    expect(value('Submitted by')).toBe('fixture-import (finance-officer)');
    expect(value('Figures sha256')).toBe(q4reading.figuresHash);
  });

  it('prints one page wide, landscape on A4, the title row on every page', async () => {
    const sheet = await load(q4);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    expect(sheet.headerFooter.oddFooter).toBe('&Lho-quarters Q4 2021-22, version 1 of 1&RPage &P of &N');
  });

  it('says a draft is a draft in its title row', async () =>
    expect((await load(q3)).getCell('B1').value).toBe(`${AWARD} Q3 2021-22, draft (not submitted), figures sha256 ${q3reading.figuresHash}`));

  it('cuts no text off: column A fits its longest label, long values wrap across B:F', async () => {
    const sheet = await load(q4);
    const longest = Math.max(
      ...sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string').map((v) => v.length),
    );
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(longest);
    const explanation = rowLabelled(sheet, 'How this differs from a certificate');
    expect(sheet.getCell(`B${explanation}`).value).toBe(FORECAST_LAPSE_EXPLANATION);
    expect(sheet.getCell(`B${explanation}`).alignment).toMatchObject({ wrapText: true });
    expect(sheet.model.merges).toContain(`B${explanation}:F${explanation}`);
  });
});

describe('the Home Office return as a PDF', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = (await pdfPages((await renderReturn(q4reading, record, 'pdf')) as Buffer)).map((p) => p.replace(/\s+/g, ' '));
  });

  it('heads every page with the submission it is', () => {
    for (const page of pages) expect(page.startsWith('Q4 2021-22 return, version 1 of 1, submitted 20 April 2022')).toBe(true);
  });

  it('carries the identity, the figures and the reasons, and explains its lapse', () => {
    const all = pages.join(' ');
    expect(all).toContain(`Figures sha256 ${q4reading.figuresHash}`);
    expect(all).toContain('Submitted by fixture-import (finance-officer)');
    expect(all).toContain('Total spend £6,400.00 £12,300.00');
    expect(all).toContain('2022-03 £2,000.00 £0.00 -£2,000.00 Invoice paid in April');
    expect(all).toContain(FORECAST_LAPSE_EXPLANATION);
  });

  it('says a draft is a draft', async () => {
    const [first] = await pdfPages((await renderReturn(q3reading, record, 'pdf')) as Buffer);
    expect(first.startsWith('DRAFT: live figures of Q3 2021-22, not a submitted return')).toBe(true);
  });
});

describe('the Home Office return as CSV', () => {
  const csv = async (reading: ReturnReading) => String(await renderReturn(reading, record, 'csv')).split('\n');
  let lines: string[];
  beforeAll(async () => {
    lines = await csv(q4reading);
  });

  it('opens with its identity: version, submitted on and by, figures hash', () =>
    expect(lines.slice(1, 12)).toEqual([
      'return,award,,ho-quarters,',
      'return,funder,,Home Office (reference HO-2021),',
      'return,recipient,,OPCC X,',
      'return,quarter,,Q4 2021-22 (1 January 2022 to 31 March 2022),',
      'return,version,,1 of 1,',
      'return,submitted on,,20 April 2022,',
      'return,submitted by,,fixture-import (finance-officer),',
      `return,figures sha256,,${q4reading.figuresHash},`,
      `return,recorded,,"stream revision ${q4reading.recorded!.revision}, log position ${q4reading.recorded!.position}, ${q4reading.recorded!.recordedAt}",`,
      'return,eligibility window,,2021-10 to 2022-03,',
      expect.stringMatching(/^return,as at stream revision,,\d+,/),
    ]));

  it('says a draft is not submitted', async () =>
    expect(await csv(q3reading)).toContain('return,version,,draft: not submitted (the live figures; 0 version(s) submitted),'));

  it('explains its lapse beside the total', () =>
    expect(lines).toContain(`forecast lapse,total,window end,${q4.forecastLapse.total},"${FORECAST_LAPSE_EXPLANATION}"`));

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
