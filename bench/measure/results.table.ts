import type { Measure } from '../bench.types';
import { targetText, type TargetResult } from '../targets';
import { round } from './latency.stats';

/** Plain columns, padded to the widest cell, numbers right-aligned: readable in a terminal and in a CI log. */
export const renderTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly number[] = []): string[] => {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (numeric.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

export const measuresTable = (measures: readonly Measure[]): string[] =>
  renderTable(
    ['scenario', 'measure', 'value', 'unit'],
    measures.map((m) => [m.scenario, m.measure, String(round(m.value)), m.unit]),
    [2],
  );

export const targetsTable = (results: readonly TargetResult[]): string[] =>
  renderTable(
    ['result', 'scenario', 'measure', 'measured', 'target'],
    results.map(({ target, value, verdict }) => [
      verdict,
      target.scenario,
      target.measure,
      value === undefined ? '-' : `${round(value)} ${target.unit}`,
      targetText(target),
    ]),
    [3],
  );
