import { programmeTotalsOf } from '../../programme-totals/programme-totals.report';
import { made, opened, projectedRows, recorded, varied } from './projection.test-builders';

describe('the programme-totals projection', () => {
  describe('given a programme and three awards, one of them varied, one outside any programme', () => {
    const { rows, close } = projectedRows(
      recorded(
        opened('p-1', '100000.00'),
        made('a-1', '60000.00', { programmeId: 'p-1', recipient: 'opcc-x' }),
        made('a-2', '30000.00', { programmeId: 'p-1', recipient: 'opcc-y' }),
        made('a-3', '5000.00'),
        varied('a-1', '75000.00'),
      ),
      [2],
    );
    afterAll(close);

    it("stores the programme's header and one line per award, in the order the awards were made", () => {
      const stored = rows.programme('p-1')!;
      expect(stored.programme).toMatchObject({ programmeId: 'p-1', financialYear: '2021-22' });
      expect(stored.programme.envelope.toString()).toBe('100000.00');
      expect(stored.awards.map(({ value }) => [value.awardId, value.amount])).toEqual([
        ['a-1', '75000.00'],
        ['a-2', '30000.00'],
      ]);
      expect(stored.awards.map(({ parties }) => parties.recipientId)).toEqual(['opcc-x', 'opcc-y']);
    });

    it('sums to the envelope difference without folding an award: 105,000.00 is 5,000.00 over', () => {
      const stored = rows.programme('p-1')!;
      const report = programmeTotalsOf(stored.programme, stored.awards.map(({ value }) => value));
      expect(report.awards.total).toBe('105000.00');
      expect(report.envelopeDifference).toEqual({ kind: 'over', amount: '5000.00' });
      expect(report.awards.items.map((item) => item.pastEnvelope)).toEqual([false, true]);
    });

    it('has nothing for a programme never opened', () => {
      expect(rows.programme('p-2')).toBeUndefined();
    });
  });
});
