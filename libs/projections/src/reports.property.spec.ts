import fc from 'fast-check';
import { compareMonths, type Month } from '@fundledger/calendar';
import { paidTotal } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { awardHistory, historySeed } from './award-history.test-builders';
import { awardPositionReport } from './award-position/award-position.report';
import { decisionChecksReport } from './decision-checks/decision-checks.report';
import { actualsFor } from './funded-months/actuals';
import { fundedMonthsFor } from './funded-months/award-to-reconciliation';
import type { MonthAllocation, ReconciliationSource } from './funded-months/funded-months.types';
import { emptyLedgerView, evolveAwardView, evolveLedgerView, foldLedgerView, type AwardView } from './ledger/ledger-view';

/*
 * Properties over random award histories made by the deciders (award-history.test-builders.ts):
 * pledges, receipts, withdrawals, commitments and their variations, payments and reversals, award
 * variations, extensions and spend profiles, in any order the ledger allows.
 */
const RUNS = { numRuns: 150 };
const gbp = (amount: string): Money => Money.fromString(amount);
const viewOf = (seed: Parameters<typeof awardHistory>[0]): AwardView =>
  awardHistory(seed).reduce<AwardView | undefined>(evolveAwardView, undefined)!;

const inWindow = (source: ReconciliationSource, month: Month): boolean =>
  compareMonths(source.windowStart, month) <= 0 && compareMonths(month, source.windowEnd) <= 0;

const expectMonthsBalance = (months: readonly MonthAllocation[]): void => {
  for (const { month, cost, shares, shortfall } of months) {
    expect(Money.sum(shares.map((s) => s.amount)).plus(shortfall).toString()).toBe(cost.toString());
    expect(shortfall.isNegative()).toBe(false);
    for (const share of shares) {
      expect({ month, paidBy: share.source.sourceId, inWindow: inWindow(share.source, month) }).toMatchObject({ inWindow: true });
      expect(share.amount.isPositive()).toBe(true);
    }
  }
};

describe('reports over any history the ledger could hold', () => {
  it('planned funded months: every month cost = Σ shares + shortfall; used + unused = available; no source outside its window', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        const report = fundedMonthsFor(viewOf(seed));
        expectMonthsBalance(report.months);
        for (const { source, used, unused } of report.sources) {
          expect(used.plus(unused).toString()).toBe(source.available.toString());
          expect(unused.isNegative()).toBe(false);
        }
        expect(report.totals.funded.plus(report.totals.shortfall).toString()).toBe(report.totals.cost.toString());
      }),
      RUNS,
    );
  });

  it('actuals: the same balances, and the months add up to everything paid net of reversals', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        const view = viewOf(seed);
        const report = actualsFor(view);
        expectMonthsBalance(report.months);
        for (const { source, used, remaining } of report.sources) {
          expect(used.plus(remaining).toString()).toBe(source.available.toString());
          expect(remaining.isNegative()).toBe(false);
        }
        expect(report.totals.paid.toString()).toBe(paidTotal(view.award).toString());
      }),
      RUNS,
    );
  });

  it('award position: available = amount + pledged − withdrawn, committed ≤ available, paid ≤ committed', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        const p = awardPositionReport(viewOf(seed));
        const available = gbp(p.awarded.current).plus(gbp(p.matchFunding.pledged)).minus(gbp(p.matchFunding.withdrawn));
        expect(p.availableFunding).toBe(available.toString());
        expect(gbp(p.committed).lessThanOrEqual(gbp(p.availableFunding))).toBe(true);
        expect(gbp(p.uncommittedHeadroom).plus(gbp(p.committed)).toString()).toBe(p.availableFunding);
        expect(gbp(p.paid).plus(gbp(p.unpaidCommitments)).toString()).toBe(p.committed);
        for (const c of p.matchFunding.contributors) {
          expect(gbp(c.pledged).minus(gbp(c.withdrawn)).minus(gbp(c.received)).toString()).toBe(c.outstanding);
          expect(gbp(c.outstanding).isNegative()).toBe(false);
        }
        for (const g of p.grants) expect(gbp(g.paid).lessThanOrEqual(gbp(g.committed))).toBe(true);
      }),
      RUNS,
    );
  });

  it('decision checks: every difference is declared − ledger, and a match is exactly a zero difference', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        for (const decision of decisionChecksReport(viewOf(seed)).decisions) {
          for (const { atDecision, now } of decision.figures) {
            for (const check of [atDecision, now]) {
              expect(gbp(check.declared).minus(gbp(check.ledger)).toString()).toBe(check.difference);
              expect(check.status === 'match').toBe(gbp(check.difference).isZero());
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('folding in bulk gives the same ledger as folding event by event', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        const events = awardHistory(seed);
        expect(foldLedgerView(events)).toEqual(events.reduce(evolveLedgerView, emptyLedgerView));
      }),
      { numRuns: 40 },
    );
  });
});
