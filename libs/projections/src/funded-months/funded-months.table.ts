import type { Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { sourceColumnLabels } from './funded-months.labels';
import type { FundedMonthsReport } from './funded-months.report';
import { MONTHS_FUNDED_ROUNDING, presentMonthsFunded } from './months-funded';

type Align = 'left' | 'right';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-10" -> "Oct 2021": how an en-GB reader names a month. */
const monthName = (month: Month): string => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Columns padded to their widest cell, joined by two spaces, with a rule under the heading. */
const renderColumns = (heading: string[], rows: string[][], align: Align[]): string[] => {
  const widths = heading.map((_, c) => Math.max(...[heading, ...rows].map((row) => row[c].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(heading), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
};

/** The reconciliation as people read it in a terminal: amounts in en-GB pounds, columns aligned. */
export const fundedMonthsReportToTable = (report: FundedMonthsReport): string => {
  const labels = sourceColumnLabels(report.sources.map((s) => s.source));
  const { provision, totals } = report;
  const printed = presentMonthsFunded(report.sources.map((s) => s.monthsFunded));

  const byMonth = renderColumns(
    ['Month', 'Cost', ...labels, 'Shortfall'],
    [
      ...report.months.map(({ month, cost, shares, shortfall }) => [
        monthName(month),
        cost.format(),
        ...report.sources.map(({ source }) =>
          (shares.find((share) => share.source === source)?.amount ?? Money.zero()).format(),
        ),
        shortfall.format(),
      ]),
      ['Total', totals.cost.format(), ...report.sources.map(({ used }) => used.format()), totals.shortfall.format()],
    ],
    ['left', 'right', ...labels.map((): Align => 'right'), 'right'],
  );

  const bySource = renderColumns(
    ['Source', 'Kind', 'Window', 'Available', 'Used', 'Unused', 'Lapsed', 'Months funded'],
    report.sources.map(({ source, used, unused, lapsed }, i) => [
      labels[i],
      source.kind,
      `${monthName(source.windowStart)} to ${monthName(source.windowEnd)}`,
      source.available.format(),
      used.format(),
      unused.format(),
      lapsed.format(),
      printed[i],
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );

  const missing = report.profileMissingMonths;
  const firstShortfall = totals.firstShortfallMonth;
  return [
    `Funded months for award ${report.awardId}`,
    `Provision ${monthName(provision.start)} to ${monthName(provision.end)} (${provision.months} months), ` +
      (report.profile === 'set' ? 'spend profile' : 'committed total spread evenly'),
    ...(missing.length > 0
      ? [`Spend profile incomplete: no cost set for ${missing.map(monthName).join(', ')} (counted as £0.00)`]
      : []),
    '',
    ...byMonth,
    '',
    ...bySource,
    '',
    `Months funded: ${totals.fundedMonths.toFixed4()} of ${provision.months}`,
    `Rounding: ${MONTHS_FUNDED_ROUNDING}`,
    `Total shortfall: ${totals.shortfall.format()}`,
    `First month with a shortfall: ${firstShortfall === null ? 'none' : monthName(firstShortfall)}`,
    '',
  ].join('\n');
};
