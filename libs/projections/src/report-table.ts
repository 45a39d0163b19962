import type { Month } from '@fundledger/calendar';

/**
 * Plain-text tables for the reports, as people read them in a terminal: columns padded to their
 * widest cell, joined by two spaces, a rule under the heading; money right-aligned.
 */

export type Align = 'left' | 'right';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-10" -> "Oct 2021": how an en-GB reader names a month. */
export const monthLabel = (month: Month): string =>
  `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export const renderColumns = (
  heading: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string[] => {
  const widths = heading.map((_, c) => Math.max(...[heading, ...rows].map((row) => row[c].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(heading), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
};

/** "label: value" lines with the values aligned, for a report's headline figures. */
export const renderFigures = (figures: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = Math.max(...figures.map(([label]) => label.length));
  return figures.map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value}`);
};
