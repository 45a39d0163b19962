import type { Measure } from '../bench.types';
import type { ComparisonResult } from '../comparisons';
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

const figure = (m: Measure): string => `${round(m.value).toLocaleString('en-GB')} ${m.unit}`;
const ratio = (of: Measure, by: Measure | undefined): string => (by === undefined || by.value === 0 ? '' : `${round(of.value / by.value)}×`);

/**
 * fundledger beside the raw limit and the peer, with fundledger ÷ each: above 1 is more for a rate and
 * longer for a time. A peer figure the run did not produce says so rather than leaving a blank that
 * reads as zero; one the peer reached while failing commands carries the count.
 */
export const comparisonTable = (results: readonly ComparisonResult[]): string[] =>
  renderTable(
    ['measure', 'fundledger', 'raw limit', '÷ raw', 'Emmett', '÷ Emmett'],
    results.map(({ comparison, fundledger, raw, peer, peerFailed }) => [
      comparison.what,
      figure(fundledger),
      raw === undefined ? (comparison.raw === undefined ? '—' : 'not measured') : figure(raw),
      ratio(fundledger, raw),
      peer === undefined
        ? comparison.peer === undefined
          ? '—'
          : 'not measured'
        : figure(peer) + (peerFailed !== undefined && peerFailed.value > 0 ? ` (${peerFailed.value} ${peerFailed.unit} failed)` : ''),
      ratio(fundledger, peer),
    ]),
    [1, 2, 3, 4, 5],
  );

/**
 * Why the peer failed what it failed, one line per error: its commands' errors (measures named
 * "<n> in flight: failed <error>") and the errors it raised where nothing could catch them.
 */
export const peerFailureLines = (measures: readonly Measure[]): string[] =>
  measures
    .filter((m) => m.scenario === 'emmett' && (/: failed ./.test(m.measure) || m.measure.startsWith('unhandled error: ')))
    .map((m) => `Emmett, ${m.measure.replace(': failed ', ': ')} × ${m.value}`);
