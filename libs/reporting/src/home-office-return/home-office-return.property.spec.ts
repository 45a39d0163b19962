import fc from 'fast-check';
import { addMonths, compareMonths, financialYearOfMonth, type Month } from '@fundledger/calendar';
import { provisionEnd } from '@fundledger/funding';
import { Money } from '@fundledger/money';
// The read side's generator of valid award histories, reused rather than written twice.
import { awardHistory, historySeed } from '../../../projections/src/award-history.test-builders';
import { foldAwardRecord } from '../award-record/award-record';
import { homeOfficeReturn, type HomeOfficeReturn } from './home-office-return.report';

type Quarter = { readonly financialYear: string; readonly quarter: 1 | 2 | 3 | 4 };

/** April–June is Q1 … January–March Q4. */
const quarterOf = (month: Month): Quarter => {
  const monthOfYear = Number(month.slice(5, 7));
  return { financialYear: financialYearOfMonth(month), quarter: (Math.floor(((monthOfYear + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4 };
};

/** Every quarter from the one holding `from` to the one holding `to`. */
const quartersBetween = (from: Month, to: Month): Quarter[] => {
  const quarters: Quarter[] = [];
  for (let month = from; compareMonths(month, to) <= 0; month = addMonths(month, 1)) {
    const q = quarterOf(month);
    const last = quarters[quarters.length - 1];
    if (last === undefined || last.financialYear !== q.financialYear || last.quarter !== q.quarter) quarters.push(q);
  }
  return quarters;
};

const sum = (amounts: readonly string[]): string => Money.sum(amounts.map(Money.fromString)).toString();

describe('Home Office returns of any award history the ledger could hold', () => {
  it('add up: quarter by quarter to the figures to date, sources to totals, the funder’s award to spend, forecast and lapse', () =>
    fc.assert(
      fc.property(historySeed, (seed) => {
        const record = foldAwardRecord(awardHistory(seed))!;
        const { award } = record.view;
        // From the month before the window (a payment may precede it) to the quarter after provision ends.
        const quarters = quartersBetween(addMonths(award.window.start, -1), addMonths(provisionEnd(award), 3));
        const returns: HomeOfficeReturn[] = quarters.map(({ financialYear, quarter }) =>
          homeOfficeReturn(record.view, financialYear, quarter, record.matchReceipts),
        );
        returns.forEach((r, i) => {
          const soFar = returns.slice(0, i + 1);
          for (const period of [r.spend.quarter, r.spend.toDate]) {
            expect(period.total).toBe(sum([period.funder, period.match, period.unfunded]));
            expect(sum(period.bySource.map((s) => s.amount))).toBe(sum([period.funder, period.match]));
          }
          // The allocation runs oldest month first, so a later quarter never changes an earlier one's attribution.
          expect(sum(soFar.map((x) => x.spend.quarter.total))).toBe(r.spend.toDate.total);
          expect(sum(soFar.map((x) => x.spend.quarter.funder))).toBe(r.spend.toDate.funder);
          expect(sum(soFar.map((x) => x.matchFundingReceived.quarter))).toBe(r.matchFundingReceived.toDate);
          expect(r.variance.quarter.actual).toBe(r.spend.quarter.total);
          expect(r.variance.toDate.actual).toBe(r.spend.toDate.total);
          expect(sum(r.variance.months.map((m) => m.variance))).toBe(r.variance.quarter.variance);
          expect(sum(r.forecast.months.map((m) => m.planned))).toBe(r.forecast.total);
          // Every penny of the funder's award is spent to date, forecast to be spent, or forecast to lapse.
          expect(sum([r.spend.toDate.funder, r.forecast.funder, r.forecastLapse.funder])).toBe(award.amount.toString());
          expect(Money.fromString(r.forecastLapse.total).isNegative()).toBe(false);
        });
      }),
      { numRuns: 60 },
    ));
});
