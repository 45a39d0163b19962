import type { Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { reconcileFundedMonths, type FundedMonthsReport } from './funded-months.report';
import type { ReconciliationSource } from './funded-months.types';

const gbp = (amount: string): Money => Money.fromString(amount);
const source = (
  kind: 'award' | 'match',
  sourceId: string,
  available: string,
  windowStart: Month,
  windowEnd: Month,
  contributionId?: string,
): ReconciliationSource => ({ sourceId, kind, contributionId, windowStart, windowEnd, available: gbp(available) });

/** Per source: [label, used, unused, lapsed, months funded, months]. */
const perSource = (report: FundedMonthsReport) =>
  report.sources.map(({ source: s, used, unused, lapsed, monthsFunded, months }) => [
    s.contributionId ?? s.sourceId,
    used.toString(),
    unused.toString(),
    lapsed.toString(),
    monthsFunded.toFixed4(),
    months,
  ]);
const totals = (report: FundedMonthsReport) => ({
  cost: report.totals.cost.toString(),
  funded: report.totals.funded.toString(),
  shortfall: report.totals.shortfall.toString(),
  fundedMonths: report.totals.fundedMonths.toFixed4(),
  firstShortfallMonth: report.totals.firstShortfallMonth,
});

describe('funded-months report', () => {
  describe('when the award window ends before the provision end with money left', () => {
    // Flat: 1,000.00 / 4 = 250.00 a month. Award (window Jan–Feb) pays Jan and Feb: 500.00 used,
    // 600.00 - 500.00 = 100.00 unused; its window ended by the provision end (Apr), so it lapses.
    // Match (window to Jun, past the provision end) pays Mar and Apr: 500.00 used, 100.00 unused,
    // still spendable after April, so nothing lapses.
    const report = reconcileFundedMonths({
      awardId: 'a-1',
      provisionStart: '2024-01',
      provisionEnd: '2024-04',
      committedTotal: gbp('1000.00'),
      sources: [
        source('award', 'home-office', '600.00', '2024-01', '2024-02'),
        source('match', 'council', '600.00', '2024-01', '2024-06', 'm-1'),
      ],
    });

    it('reports the award money left in its ended window as lapsed, returnable to the funder', () => {
      expect(perSource(report)).toEqual([
        ['home-office', '500.00', '100.00', '100.00', '2.0000', ['2024-01', '2024-02']],
        ['m-1', '500.00', '100.00', '0.00', '2.0000', ['2024-03', '2024-04']],
      ]);
    });

    it('reports every month funded and no shortfall', () => {
      expect(totals(report)).toEqual({
        cost: '1000.00',
        funded: '1000.00',
        shortfall: '0.00',
        fundedMonths: '4.0000',
        firstShortfallMonth: null,
      });
      expect(report.provision).toEqual({ start: '2024-01', end: '2024-04', months: 4 });
      expect(report.profile).toBe('flat');
    });
  });

  it('lapses unused money whose window ends exactly at the provision end', () => {
    // 200.00 / 2 = 100.00 a month, both met from 500.00: 300.00 unused, window end = provision end.
    const report = reconcileFundedMonths({
      awardId: 'a-1',
      provisionStart: '2024-01',
      provisionEnd: '2024-02',
      committedTotal: gbp('200.00'),
      sources: [source('match', 'council', '500.00', '2024-01', '2024-02', 'm-1')],
    });

    expect(perSource(report)).toEqual([['m-1', '200.00', '300.00', '300.00', '2.0000', ['2024-01', '2024-02']]]);
  });

  describe('when the sources run out before the provision ends', () => {
    // 250.00 a month. Award 600.00 pays Jan and Feb (100.00 lapses). Match 300.00 pays Mar in full
    // (50.00 left) and 50.00 of Apr: 250.00 - 50.00 = 200.00 short in Apr.
    // Match months funded: 250/250 + 50/250 = 1.2. Total: 3 full months + 50/250 = 3.2.
    const report = reconcileFundedMonths({
      awardId: 'a-1',
      provisionStart: '2024-01',
      provisionEnd: '2024-04',
      committedTotal: gbp('1000.00'),
      sources: [
        source('award', 'home-office', '600.00', '2024-01', '2024-02'),
        source('match', 'council', '300.00', '2024-01', '2024-06', 'm-1'),
      ],
    });

    it('reports the shortfall month by month and the first month with one', () => {
      expect(report.months.map((m) => [m.month, m.shortfall.toString()])).toEqual([
        ['2024-01', '0.00'],
        ['2024-02', '0.00'],
        ['2024-03', '0.00'],
        ['2024-04', '200.00'],
      ]);
      expect(totals(report)).toEqual({
        cost: '1000.00',
        funded: '800.00',
        shortfall: '200.00',
        fundedMonths: '3.2000',
        firstShortfallMonth: '2024-04',
      });
    });

    it('counts a part-funded month as a fraction of a month for the source that paid it', () => {
      expect(perSource(report)).toEqual([
        ['home-office', '500.00', '100.00', '100.00', '2.0000', ['2024-01', '2024-02']],
        ['m-1', '300.00', '0.00', '0.00', '1.2000', ['2024-03', '2024-04']],
      ]);
    });
  });

  describe('with a spend profile', () => {
    it('counts a month costing nothing as fully funded', () => {
      // Jan 100.00 paid; Feb costs nothing (funded: nothing unmet); Mar 50.00 of 100.00 paid.
      // Funded months = 1 + 1 + 50/100 = 2.5; the award's own = 100/100 + 50/100 = 1.5.
      const report = reconcileFundedMonths({
        awardId: 'a-1',
        provisionStart: '2024-01',
        provisionEnd: '2024-03',
        profile: { '2024-01': gbp('100.00'), '2024-02': gbp('0.00'), '2024-03': gbp('100.00') },
        committedTotal: gbp('200.00'),
        sources: [source('award', 'home-office', '150.00', '2024-01', '2024-03')],
      });

      expect(totals(report)).toEqual({
        cost: '200.00',
        funded: '150.00',
        shortfall: '50.00',
        fundedMonths: '2.5000',
        firstShortfallMonth: '2024-03',
      });
      expect(perSource(report)).toEqual([['home-office', '150.00', '0.00', '0.00', '1.5000', ['2024-01', '2024-03']]]);
    });

    it('says the profile is incomplete when provision was extended past it', () => {
      // Profile covers Jan–Feb only; provision runs to Apr: Mar and Apr cost 0.00 and are listed.
      const report = reconcileFundedMonths({
        awardId: 'a-1',
        provisionStart: '2024-01',
        provisionEnd: '2024-04',
        profile: { '2024-01': gbp('60.00'), '2024-02': gbp('40.00') },
        committedTotal: gbp('100.00'),
        sources: [source('award', 'home-office', '100.00', '2024-01', '2024-04')],
      });

      expect(report.profile).toBe('set');
      expect(report.profileMissingMonths).toEqual(['2024-03', '2024-04']);
      expect(report.months.map((m) => [m.month, m.cost.toString()])).toEqual([
        ['2024-01', '60.00'],
        ['2024-02', '40.00'],
        ['2024-03', '0.00'],
        ['2024-04', '0.00'],
      ]);
      expect(totals(report).shortfall).toBe('0.00');
    });
  });
});
