import { Money } from '@fundledger/money';
import type { Worksheet } from 'exceljs';
import { checkpointStampLine, type CheckpointStamp } from '../checkpoint/checkpoint-stamp';
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

  gap(): void {
    this.next += 1;
  }

  get cursor(): number {
    return this.next;
  }
}

const sourceLabel = (s: SourceAmount): string => (s.kind === 'funder' ? `${s.name} (funder)` : `${s.name} (match, ${s.contributionId})`);

/**
 * The return as an .xlsx workbook: one sheet, sections as in the JSON, amounts as numbers formatted
 * '#,##0.00', and every total a SUM formula whose cached result is the JSON's figure, so a spreadsheet
 * that recalculates shows the same totals as one that does not.
 */
export const homeOfficeReturnToXlsx = async (r: HomeOfficeReturn, checkpoint?: CheckpointStamp): Promise<Buffer> => {
  // Loaded when a workbook is asked for: exceljs is large, and most users of this library never need it.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'fundledger';
  workbook.created = new Date(r.asAt.recordedAt);
  const ws = workbook.addWorksheet(`Q${r.quarter} ${r.financialYear}`);
  ws.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 40 }];
  const s = new Sheet(ws);

  s.row(['Home Office grant return'], { bold: true });
  s.row(['Award', r.awardId]);
  s.row(['Funder', r.funder.name]);
  s.row(['Recipient', r.recipient.name]);
  s.row(['Quarter', `Q${r.quarter} ${r.financialYear}`, `${r.period.start} to ${r.period.end}`]);
  s.row(['Eligibility window', `${r.window.start} to ${r.window.end}`]);
  s.row(['As at stream revision', r.asAt.revision, r.asAt.recordedAt]);
  if (checkpoint !== undefined) s.row([checkpointStampLine(checkpoint)]);
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
  s.row([`Forecast to the end of the funder's window (${profile})`, 'Planned', 'Funder', 'Match funding', 'Not met'], {
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

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
