import type { Measure } from './bench.types';
import { compare, type Comparison } from './comparisons';
import { comparisonTable, peerFailureLines } from './measure/results.table';

const measure = (scenario: string, name: string, value: number, unit: string): Measure => ({ scenario, measure: name, value, unit });

const commandsPerSecond: Comparison = {
  what: 'durable commands/s, 64 in flight',
  fundledger: { scenario: 'in-flight', measure: '64 in flight: commands/s' },
  raw: { scenario: 'in-flight', measure: 'raw limit: rows/s, 64 per tx' },
  peer: { scenario: 'emmett', measure: '64 in flight: commands/s' },
  peerFailed: { scenario: 'emmett', measure: '64 in flight: failed' },
};

describe('the comparison table', () => {
  describe('given fundledger, the raw limit and the peer measured in one run', () => {
    const measures = [
      measure('in-flight', '64 in flight: commands/s', 2000, 'commands/s'),
      measure('in-flight', 'raw limit: rows/s, 64 per tx', 20000, 'rows/s'),
      measure('emmett', '64 in flight: commands/s', 4, 'commands/s'),
      measure('emmett', '64 in flight: failed', 125, 'of 128'),
      measure('emmett', '64 in flight: failed SQLITE_BUSY', 125, 'commands'),
    ];

    it('puts each figure beside the others with fundledger ÷ raw and ÷ Emmett, and the peer\'s failures in its cell', () => {
      const [header, , row] = comparisonTable(compare(measures, [commandsPerSecond]));

      expect(header).toMatch(/^measure\s+fundledger\s+raw limit\s+÷ raw\s+Emmett\s+÷ Emmett$/);
      expect(row.split(/\s{2,}/)).toEqual([
        'durable commands/s, 64 in flight',
        '2,000 commands/s',
        '20,000 rows/s',
        '0.1×',
        '4 commands/s (125 of 128 failed)',
        '500×',
      ]);
    });

    it('says why the peer failed, error by error, with the errors it left unhandled', () => {
      const unhandled = measure('emmett', 'unhandled error: SQLITE_ERROR: cannot change into wal mode from within a transaction', 2, 'times');

      expect(peerFailureLines([...measures, unhandled])).toEqual([
        'Emmett, 64 in flight: SQLITE_BUSY × 125',
        'Emmett, unhandled error: SQLITE_ERROR: cannot change into wal mode from within a transaction × 2',
      ]);
    });
  });

  describe('when the peer was not measured (not installed)', () => {
    it('says "not measured" in its cell rather than leaving a blank that reads as nothing', () => {
      const [, , row] = comparisonTable(
        compare([measure('in-flight', '64 in flight: commands/s', 2000, 'commands/s'), measure('in-flight', 'raw limit: rows/s, 64 per tx', 20000, 'rows/s')], [commandsPerSecond]),
      );

      expect(row.split(/\s{2,}/).slice(4)).toEqual(['not measured']);
    });
  });

  describe('when fundledger\'s own figure was not measured (its scenario did not run)', () => {
    it('leaves the row out', () => {
      expect(compare([measure('emmett', '64 in flight: commands/s', 4, 'commands/s')], [commandsPerSecond])).toEqual([]);
    });
  });
});
