import { Money } from '@fundledger/money';
import type { Worksheet } from 'exceljs';
import { FORECAST_LAPSE_EXPLANATION, type ReturnIdentity } from './home-office-return.document';
import type { HomeOfficeReturn, SourceAmount } from './home-office-return.report';

export const MONEY_FORMAT = '#,##0.00';

/**
 * A spreadsheet cell can only hold an IEEE double. Every amount here is at most 999,999,999,999.99
 * (DESIGN §4), 14 significant digits, which a double holds so that it prints back as the same 2-dp
 * figure; the exact figures stay the JSON's strings, the spreadsheet is a presentation of them.
 */
const cellNumber = (amount: string): number => Number(Money.fromString(amount).toString());

type Total = { readonly formula: string; readonly result: number };

/** A total as a formula over the rows above, with its cached result: the exact Money sum of the same figures. */
const sumOf = (column: string, first: number, last: number, figures: readonly string[]): Total | number => {
  const result = cellNumber(Money.sum(figures.map(Money.fromString)).toString());
  return last < first ? result : { formula: `SUM(${column}${first}:${column}${last})`, result };
};

class Sheet {
  private next = 1;
  constructor(readonly sheet: Worksheet) {}

  /** Writes one row; amounts (strings) become numbers formatted to 2 dp, totals stay formulas. */
  row(
    cells: ReadonlyArray<string | number | Total | null>,
    options: { bold?: boolean; amountsFrom?: number; amountsTo?: number } = {},
  ): number {
    const at = this.next++;
    const row = this.sheet.getRow(at);
    cells.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(i + 1);
      const column = i + 1;
      const isAmount =
        options.amountsFrom !== undefined && column >= options.amountsFrom && column <= (options.amountsTo ?? cells.length);
      cell.value = isAmount && typeof value === 'string' ? cellNumber(value) : value;
      if (isAmount) cell.numFmt = MONEY_FORMAT;
      if (options.bold) cell.font = { bold: true };
    });
    return at;
  }

  /** A label in A and a long value across B:F, wrapped, so nothing is cut off in print. */
  wide(label: string, value: string, options: { bold?: boolean } = {}): number {
    const at = this.row([label, value], options);
    this.sheet.mergeCells(`B${at}:F${at}`);
    const cell = this.sheet.getCell(`B${at}`);
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Roughly 110 characters fit across B:F at the default font; a taller row shows the rest.
    this.sheet.getRow(at).height = 15 * Math.max(1, Math.ceil(value.length / 110));
    return at;
  }

  gap(): void {
    this.next += 1;
  }

  get cursor(): number {
    return this.next;
  }
}

const sourceLabel = (s: SourceAmount): string => (s.kind === 'funder' ? `${s.name} (funder)` : `${s.name} (match, ${s.contributionId})`);

/**
 * Column A as wide as its longest text (labels, section headings, names of sources and contributors), so
 * nothing is cut off by the figures beside it; text longer than the widest column allowed wraps instead.
 */
const fitColumnA = (ws: Worksheet): void => {
  const MAX = 80;
  let longest = 0;
  ws.getColumn(1).eachCell((cell) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    longest = Math.max(longest, text.length);
    if (text.length > MAX - 2) cell.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getColumn(1).width = Math.min(MAX, Math.max(24, longest + 2));
};

/**
 * The return as an .xlsx workbook: one sheet, its identity first (returnIdentity), sections as in
 * the JSON, amounts as numbers formatted '#,##0.00', and every total a SUM formula whose cached result is
 * the JSON's figure, so a spreadsheet that recalculates shows the same totals as one that does not.
 * Printed on A4 landscape, one page wide, the title row (award, quarter, version, hash) on every page.
 */
export const homeOfficeReturnToXlsx = async (r: HomeOfficeReturn, identity: ReturnIdentity): Promise<Buffer> => {
  // Loaded when a workbook is asked for: exceljs is large, and most users of this library never need it.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'fundledger';
  workbook.created = new Date(r.asAt.recordedAt);
  const ws = workbook.addWorksheet(`Q${r.quarter} ${r.financialYear}`);
  ws.columns = [{ width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 48 }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it needs
    printTitlesRow: '1:1',
  };
  ws.headerFooter = { oddFooter: `&L${identity.short}&RPage &P of &N` };
  const s = new Sheet(ws);

  s.wide('Home Office grant return', identity.title, { bold: true });
  for (const line of identity.lines) s.wide(line.label, line.value);
  s.wide('Eligibility window', `${r.window.start} to ${r.window.end}`);
  s.wide('As at stream revision', `${r.asAt.revision} (${r.asAt.recordedAt})`);
  s.gap();

  // Actual spend: funder first, then the match contributions, so match funding is one contiguous range.
  s.row(['Actual spend by source', 'Quarter', 'To date'], { bold: true });
  const { quarter, toDate } = r.spend;
  const sources = quarter.bySource.map((source, i) => ({ source, toDate: toDate.bySource[i] }));
  const funderRows = sources.filter(({ source }) => source.kind === 'funder');
  const matchRows = sources.filter(({ source }) => source.kind === 'match');
  const first = s.cursor;
  for (const { source, toDate: later } of [...funderRows, ...matchRows]) {
    s.row([sourceLabel(source), source.amount, later.amount], { amountsFrom: 2 });
  }
  const firstMatch = first + funderRows.length;
  s.row(['Not met by any source', quarter.unfunded, toDate.unfunded], { amountsFrom: 2 });
  const last = s.cursor - 1;
  s.row(['Funder total', sumOf('B', first, firstMatch - 1, [quarter.funder]), sumOf('C', first, firstMatch - 1, [toDate.funder])], {
    bold: true,
    amountsFrom: 2,
  });
  s.row(
    ['Match funding total', sumOf('B', firstMatch, last - 1, [quarter.match]), sumOf('C', firstMatch, last - 1, [toDate.match])],
    { bold: true, amountsFrom: 2 },
  );
  s.row(['Total spend', sumOf('B', first, last, [quarter.total]), sumOf('C', first, last, [toDate.total])], {
    bold: true,
    amountsFrom: 2,
  });
  s.gap();

  s.row(['Match funding received', 'Quarter', 'To date'], { bold: true });
  const received = r.matchFundingReceived;
  const firstReceipt = s.cursor;
  for (const c of received.byContribution) {
    s.row([`${c.contributor.name} (${c.contributionId})`, c.quarter, c.toDate], { amountsFrom: 2 });
  }
  const lastReceipt = s.cursor - 1;
  s.row(
    ['Total received', sumOf('B', firstReceipt, lastReceipt, [received.quarter]), sumOf('C', firstReceipt, lastReceipt, [received.toDate])],
    { bold: true, amountsFrom: 2 },
  );
  s.gap();

  s.row(['Spend against profile', 'Planned', 'Actual', 'Variance', null, 'Reason for variance'], { bold: true });
  const firstMonth = s.cursor;
  for (const m of r.variance.months) {
    const at = s.cursor;
    const variance = { formula: `C${at}-B${at}`, result: cellNumber(m.variance) };
    s.row([m.month, m.planned, m.actual, variance, null, m.varianceReason ?? ''], { amountsFrom: 2, amountsTo: 4 });
    ws.getCell(`F${at}`).alignment = { wrapText: true, vertical: 'top' };
  }
  const lastMonth = s.cursor - 1;
  const q = r.variance.quarter;
  const quarterRow = s.cursor;
  s.row(
    [
      'Quarter total',
      sumOf('B', firstMonth, lastMonth, [q.planned]),
      sumOf('C', firstMonth, lastMonth, [q.actual]),
      { formula: `C${quarterRow}-B${quarterRow}`, result: cellNumber(q.variance) },
    ],
    { bold: true, amountsFrom: 2 },
  );
  const t = r.variance.toDate;
  const toDateRow = s.cursor;
  s.row(['To date', t.planned, t.actual, { formula: `C${toDateRow}-B${toDateRow}`, result: cellNumber(t.variance) }], {
    bold: true,
    amountsFrom: 2,
  });
  s.gap();

  const profile = r.forecast.spendProfile === 'set' ? 'spend profile' : 'committed total spread evenly';
  s.row(["Forecast to the end of the funder's window", 'Planned', 'Funder', 'Match funding', 'Not met', `Planned as: ${profile}`], {
    bold: true,
  });
  const firstForecast = s.cursor;
  for (const m of r.forecast.months) s.row([m.month, m.planned, m.funder, m.match, m.unfunded], { amountsFrom: 2 });
  const lastForecast = s.cursor - 1;
  const f = r.forecast;
  s.row(
    [
      `Forecast to ${r.window.end}`,
      sumOf('B', firstForecast, lastForecast, [f.total]),
      sumOf('C', firstForecast, lastForecast, [f.funder]),
      sumOf('D', firstForecast, lastForecast, [f.match]),
      sumOf('E', firstForecast, lastForecast, [f.unfunded]),
    ],
    { bold: true, amountsFrom: 2 },
  );
  s.gap();

  s.row(['Forecast underspend that would lapse', 'Amount'], { bold: true });
  const firstLapse = s.cursor;
  for (const source of r.forecastLapse.bySource) s.row([sourceLabel(source), source.amount], { amountsFrom: 2 });
  const lastLapse = s.cursor - 1;
  s.row(['Total that would lapse', sumOf('B', firstLapse, lastLapse, [r.forecastLapse.total])], { bold: true, amountsFrom: 2 });
  s.wide('How this differs from a certificate', FORECAST_LAPSE_EXPLANATION);
  fitColumnA(ws);

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
