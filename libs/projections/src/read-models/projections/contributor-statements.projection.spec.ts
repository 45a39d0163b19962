import { contributorStatementOf } from '../../contributor-statement/contributor-statement.report';
import { made, pledged, projectedRows, recorded } from './projection.test-builders';

describe('the contributor-statements projection', () => {
  describe('given two councils pledging to two awards', () => {
    const { rows, close } = projectedRows(
      recorded(
        made('a-1', '60000.00'),
        made('a-2', '40000.00'),
        pledged('a-2', 'c-1', 'council-x', '1000.00'),
        pledged('a-1', 'c-2', 'council-x', '2000.00'),
        pledged('a-1', 'c-3', 'council-y', '500.00'),
        pledged('a-1', 'c-4', 'council-x', '250.00'),
      ),
      [1, 3],
    );
    afterAll(close);

    it("keeps each council's lines under its own name, awards in the order made, pledges in the order pledged", () => {
      expect(rows.contributions('council-x').map(({ value }) => [value.awardId, value.contributionId])).toEqual([
        ['a-1', 'c-2'],
        ['a-1', 'c-4'],
        ['a-2', 'c-1'],
      ]);
      expect(rows.contributions('council-y').map(({ value }) => value.contributionId)).toEqual(['c-3']);
    });

    it('carries the award of each line, for organisation scope', () => {
      expect(rows.contributions('council-y')[0].parties).toEqual({ funderId: 'home-office', recipientId: 'opcc-a-1' });
    });

    it('sums to the statement: 3,250.00 pledged by council-x, months funded summed exactly', () => {
      const statement = contributorStatementOf('council-x', rows.contributions('council-x').map(({ value }) => value));
      expect(statement.totals.pledged).toBe('3250.00');
      expect(statement.organisationName).toBe('council-x (name)');
      expect(statement.totals.monthsFunded).toMatch(/^\d+\.\d{4}$/);
    });

    it('has no lines for an organisation that pledged nothing', () => {
      expect(rows.contributions('council-z')).toEqual([]);
    });
  });
});
