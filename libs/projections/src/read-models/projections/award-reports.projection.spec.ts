import { emptyLedgerView } from '../../ledger';
import { LedgerBatch } from '../ledger-batch';
import type { AwardPositionReport } from '../../award-position/award-position.report';
import type { DecisionChecksReport } from '../../decision-checks/decision-checks.report';
import { awardPositionProjection, decisionChecksProjection, fundedMonthsProjection, type FundedMonthsRow } from './award-reports.projection';
import { committed, decided, made, paid, projectedRows, recorded } from './projection.test-builders';
import { REPORT_PROJECTIONS } from './index';

const history = recorded(
  made('a-1', '60000.00'),
  committed('a-1', 'g-1', '30000.00'),
  decided('a-1', 'D-1', { awardAmount: '60000.00', grantsTotal: '30000.00' }),
  paid('a-1', 'g-1', 'd-1', '5000.00'),
);

describe('the per-award report projections', () => {
  describe('given an award made, a grant committed, a decision recorded and a payment', () => {
    const { rows, close } = projectedRows(history);
    afterAll(close);

    it('award position: one row for the award, with its figures and its parties', () => {
      const row = rows.award<AwardPositionReport>(awardPositionProjection.name, 'a-1');
      expect(row?.parties).toEqual({ funderId: 'home-office', recipientId: 'opcc-a-1' });
      expect(row?.value).toMatchObject({ awardId: 'a-1', committed: '30000.00', paid: '5000.00', asAt: { revision: '3' } });
    });

    it('funded months: the reconciliation as JSON and as CSV, the payment in September', () => {
      const row = rows.award<FundedMonthsRow>(fundedMonthsProjection.name, 'a-1')!.value;
      expect(row.json.awardId).toBe('a-1');
      expect(row.csv.split('\r\n')[0]).toMatch(/^month,cost,/);
      expect(row.csv).toMatch(/2021-09,5000\.00,/);
    });

    it('decision checks: the declared totals match the ledger, then and now', () => {
      const checks = rows.award<DecisionChecksReport>(decisionChecksProjection.name, 'a-1')!.value;
      expect(checks.mismatches).toEqual({ atDecision: 0, now: 0 });
      expect(checks.decisions.map((d) => d.decisionRef)).toEqual(['D-1']);
    });

    it('an award never made has no row', () => {
      expect(rows.award(awardPositionProjection.name, 'a-2')).toBeUndefined();
    });
  });

  describe('when a later batch holds only a payment', () => {
    const [first, second] = [history.slice(0, 3), history.slice(3)];
    const before = new LedgerBatch(emptyLedgerView, REPORT_PROJECTIONS);
    first.forEach((event) => before.apply(event));
    const after = new LedgerBatch(before.view(), REPORT_PROJECTIONS);
    second.forEach((event) => after.apply(event));
    const rewritten = after.rows().reports.map((source) => source.projection);

    it('rewrites the award position and funded months of that award', () => {
      expect(rewritten).toEqual(expect.arrayContaining([awardPositionProjection.name, fundedMonthsProjection.name]));
    });

    it('leaves its decision checks alone: a payment moves none of the figures a decision declares', () => {
      expect(rewritten).not.toContain(decisionChecksProjection.name);
    });
  });

  describe('when the decision is checked against a grant committed later', () => {
    const { rows, close } = projectedRows(recorded(made('a-1', '60000.00'), decided('a-1', 'D-1', { grantsTotal: '30000.00' }), committed('a-1', 'g-1', '30000.00')), [1]);
    afterAll(close);

    it('the stored check, written batch by batch, shows the mismatch then and the match now', () => {
      const { decisions } = rows.award<DecisionChecksReport>(decisionChecksProjection.name, 'a-1')!.value;
      expect(decisions[0].figures).toEqual([
        expect.objectContaining({ figure: 'grantsTotal', atDecision: expect.objectContaining({ status: 'mismatch' }), now: expect.objectContaining({ status: 'match' }) }),
      ]);
    });
  });
});
