import { Money } from '@fundledger/money';
import type { FundedMonthsReportJson } from '@fundledger/projections';

/** GOV.UK palette colours with at least 3:1 contrast on white; the shortfall keeps red to itself. */
const SOURCE_COLOURS = ['#1d70b8', '#00703c', '#4c2c92', '#f47738', '#5694ca', '#85994b', '#912b88', '#28a197', '#6f72af'];
export const SHORTFALL_COLOUR = '#d4351c';
/** What was paid in a month is a black line across its bar: planned funding against money out. */
export const PAID_COLOUR = '#0b0c0c';

const BAR = 28;
const GAP = 8;
const PLOT_HEIGHT = 180;
const LEFT = 70;
const TOP = 20;
const BOTTOM = 60;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A source's name on the chart: the funder's award, or the contribution it is. */
export const sourceLabel = (source: FundedMonthsReportJson['sources'][number]): string =>
  source.kind === 'award' ? `Award (${source.sourceId})` : `Match: ${source.contributionId ?? source.sourceId}`;

/**
 * The funded-months chart as an SVG drawn on the server: one bar per provision month stacked by
 * source in the report's own order, the shortfall on top in its own colour, and a dashed line where
 * each source's window ends, and a black line at what was paid in the month (`paidByMonth`, month →
 * amount), so a payment shows against the plan it spends. The figures are the report's and the ledger's;
 * the accessible table beside it states them.
 */
export const fundedMonthsChart = (report: FundedMonthsReportJson, paidByMonth: ReadonlyMap<string, Money> = new Map()): string => {
  const colourOf = new Map(report.sources.map((source, i) => [source.sourceId + (source.contributionId ?? ''), SOURCE_COLOURS[i % SOURCE_COLOURS.length]]));
  const labelOf = new Map(report.sources.map((source) => [source.sourceId + (source.contributionId ?? ''), sourceLabel(source)]));
  const peak = Math.max(1, ...report.months.map((month) => Number(month.cost)), ...report.months.map((month) => Number(paidByMonth.get(month.month)?.toString() ?? 0)));
  const scale = PLOT_HEIGHT / peak;
  const width = LEFT + report.months.length * (BAR + GAP) + 20;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const xOf = (index: number): number => LEFT + index * (BAR + GAP);
  const parts: string[] = [];
  report.months.forEach((month, index) => {
    let y = TOP + PLOT_HEIGHT;
    const stack = [
      ...month.shares.map((share) => ({
        label: labelOf.get(share.sourceId + (share.contributionId ?? '')) ?? share.sourceId,
        amount: share.amount,
        colour: colourOf.get(share.sourceId + (share.contributionId ?? '')) ?? SOURCE_COLOURS[0],
        kind: 'share',
      })),
      { label: 'Shortfall', amount: month.shortfall, colour: SHORTFALL_COLOUR, kind: 'shortfall' },
    ];
    for (const segment of stack) {
      // Money stays exact (decimal.js) for what is said; only the bar's height in pixels is a float.
      const amount = Money.fromString(segment.amount);
      if (amount.isZero() || amount.isNegative()) continue;
      const h = Number(segment.amount) * scale;
      y -= h;
      parts.push(
        `<rect class="app-chart__${segment.kind}" data-month="${month.month}" x="${xOf(index)}" y="${y.toFixed(1)}" width="${BAR}" height="${h.toFixed(1)}" fill="${segment.colour}"><title>${escape(`${month.month} ${segment.label}: ${amount.format()}`)}</title></rect>`,
      );
    }
    const paid = paidByMonth.get(month.month);
    if (paid !== undefined && paid.isPositive()) {
      const y = (TOP + PLOT_HEIGHT - Number(paid.toString()) * scale).toFixed(1);
      parts.push(
        `<line class="app-chart__paid" data-month="${month.month}" x1="${xOf(index) - 3}" x2="${xOf(index) + BAR + 3}" y1="${y}" y2="${y}" stroke="${PAID_COLOUR}" stroke-width="3"><title>${escape(`${month.month} paid: ${paid.format()}`)}</title></line>`,
      );
    }
    parts.push(`<text x="${xOf(index) + BAR / 2}" y="${TOP + PLOT_HEIGHT + 14}" font-size="11" text-anchor="end" transform="rotate(-45 ${xOf(index) + BAR / 2} ${TOP + PLOT_HEIGHT + 14})">${month.month}</text>`);
  });
  report.sources.forEach((source) => {
    const index = report.months.findIndex((month) => month.month === source.windowEnd);
    if (index < 0) return;
    const x = xOf(index) + BAR + GAP / 2;
    const colour = colourOf.get(source.sourceId + (source.contributionId ?? ''));
    parts.push(
      `<line class="app-chart__window-end" x1="${x}" x2="${x}" y1="${TOP - 10}" y2="${TOP + PLOT_HEIGHT}" stroke="${colour}" stroke-dasharray="4 3" stroke-width="2"><title>${escape(`${sourceLabel(source)} window ends ${source.windowEnd}`)}</title></line>`,
    );
  });
  parts.push(`<line x1="${LEFT - 4}" x2="${width - 10}" y1="${TOP + PLOT_HEIGHT}" y2="${TOP + PLOT_HEIGHT}" stroke="#0b0c0c"/>`);
  parts.push(`<text x="${LEFT - 8}" y="${TOP + 4}" font-size="11" text-anchor="end">£${peak.toFixed(0)}</text>`);
  parts.push(`<text x="${LEFT - 8}" y="${TOP + PLOT_HEIGHT}" font-size="11" text-anchor="end">£0</text>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" aria-labelledby="funded-months-chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="funded-months-chart-title">Funded months of ${escape(report.awardId)}: each provision month's cost met by source, shortfall in red, a black line at what was paid in the month; the table below gives the same figures</title>` +
    parts.join('') +
    '</svg>'
  );
};

/** The chart's legend entries, in the order the bars stack. */
export const chartLegend = (report: FundedMonthsReportJson): Array<{ label: string; colour: string }> => [
  ...report.sources.map((source, i) => ({ label: sourceLabel(source), colour: SOURCE_COLOURS[i % SOURCE_COLOURS.length] })),
  { label: 'Shortfall', colour: SHORTFALL_COLOUR },
];
