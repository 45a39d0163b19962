import { foldAwardRecord, type AwardRecord } from '../award-record/award-record';
import { homeOfficeReturn } from './home-office-return.report';
import { AWARD, quartersRecorder, quartersScript } from './home-office-return.test-builders';

const record = (): AwardRecord => foldAwardRecord(quartersRecorder().events.filter((e) => e.stream === `award-${AWARD}`))!;

const funder = (amount: string) => ({ sourceId: 'home-office', name: 'Home Office', kind: 'funder', amount });
const council = (amount: string) => ({ sourceId: 'council-a', name: 'Council A', kind: 'match', contributionId: 'm-council', amount });

describe('the Home Office return', () => {
  const { view, matchReceipts } = record();

  describe('for Q3 2021-22 (October to December 2021)', () => {
    const report = homeOfficeReturn(view, '2021-22', 3, matchReceipts);

    it('covers the quarter', () =>
      expect(report.period).toEqual({ start: '2021-10-01', end: '2021-12-31', months: ['2021-10', '2021-11', '2021-12'] }));

    // 1,800 + 2,100 + 2,000; the 500 of 20 December was reversed, so it was never spent.
    it('states actual spend net of the reversal, all from the funder whose window ends first', () => {
      const spend = { total: '5900.00', funder: '5900.00', match: '0.00', unfunded: '0.00', bySource: [funder('5900.00'), council('0.00')] };
      expect(report.spend).toEqual({ quarter: spend, toDate: spend });
    });

    it('states the match funding received in the quarter and to date', () =>
      expect(report.matchFundingReceived).toEqual({
        quarter: '1500.00',
        toDate: '1500.00',
        byContribution: [
          { contributionId: 'm-council', contributor: { id: 'council-a', name: 'Council A' }, quarter: '1500.00', toDate: '1500.00' },
        ],
      }));

    // The funder has 12,000 − 5,900 = 6,100 left for January to March at 2,000 a month.
    it('forecasts the rest of the funder’s window from the profile', () =>
      expect(report.forecast).toEqual({
        spendProfile: 'set',
        profileMissingMonths: [],
        months: ['2022-01', '2022-02', '2022-03'].map((month) => ({
          month,
          planned: '2000.00',
          funder: '2000.00',
          match: '0.00',
          unfunded: '0.00',
        })),
        total: '6000.00',
        funder: '6000.00',
        match: '0.00',
        unfunded: '0.00',
      }));

    // 6,100 − 6,000 = 100 of the funder's unused at the end of March; the council's 3,000 meets April to June.
    it('forecasts the underspend that would lapse', () =>
      expect(report.forecastLapse).toEqual({
        total: '100.00',
        funder: '100.00',
        match: '0.00',
        bySource: [funder('100.00'), council('0.00')],
      }));

    it('states the variance against the profile month by month, the reasons left for the officer', () =>
      expect(report.variance).toEqual({
        months: [
          { month: '2021-10', planned: '2000.00', actual: '1800.00', variance: '-200.00', varianceReason: null },
          { month: '2021-11', planned: '2000.00', actual: '2100.00', variance: '100.00', varianceReason: null },
          { month: '2021-12', planned: '2000.00', actual: '2000.00', variance: '0.00', varianceReason: null },
        ],
        quarter: { planned: '6000.00', actual: '5900.00', variance: '-100.00' },
        toDate: { planned: '6000.00', actual: '5900.00', variance: '-100.00' },
      }));

    it('ignores payments after the quarter, though they are already recorded', () =>
      expect(view.award.disbursements.size).toBe(7));
  });

  describe('for Q4 2021-22 (January to March 2022)', () => {
    const report = homeOfficeReturn(view, '2021-22', 4, matchReceipts, { varianceReasons: { '2022-03': 'Invoice paid in April' } });

    // To date 5,900 + 4,500 + 1,900 = 12,300: the funder's 12,000 runs out in February, the council pays 300.
    it('attributes spend beyond the funder’s award to the match funding', () => {
      expect(report.spend.quarter).toEqual({
        total: '6400.00',
        funder: '6100.00',
        match: '300.00',
        unfunded: '0.00',
        bySource: [funder('6100.00'), council('300.00')],
      });
      expect(report.spend.toDate).toMatchObject({ total: '12300.00', funder: '12000.00', match: '300.00' });
    });

    it('counts receipts by the quarter they were received in', () =>
      expect(report.matchFundingReceived).toMatchObject({ quarter: '1000.00', toDate: '2500.00' }));

    it('has nothing left to forecast in the funder’s window, and nothing of it to lapse', () => {
      expect(report.forecast).toMatchObject({ months: [], total: '0.00', funder: '0.00' });
      expect(report.forecastLapse).toMatchObject({ funder: '0.00', total: '0.00' });
    });

    it('carries the officer’s reason for a month’s variance', () =>
      expect(report.variance.months).toEqual([
        { month: '2022-01', planned: '2000.00', actual: '4500.00', variance: '2500.00', varianceReason: null },
        { month: '2022-02', planned: '2000.00', actual: '1900.00', variance: '-100.00', varianceReason: null },
        { month: '2022-03', planned: '2000.00', actual: '0.00', variance: '-2000.00', varianceReason: 'Invoice paid in April' },
      ]));

    it('sums the variance to date over every profile month so far', () =>
      expect(report.variance.toDate).toEqual({ planned: '12000.00', actual: '12300.00', variance: '300.00' }));
  });

  describe('for Q1 2022-23 (April to June 2022), after the funder’s window', () => {
    const report = homeOfficeReturn(view, '2022-23', 1, matchReceipts);

    it('attributes the April payment to the council, the only source still in its window', () => {
      expect(report.spend.quarter).toMatchObject({ total: '900.00', funder: '0.00', match: '900.00' });
      expect(report.spend.toDate).toMatchObject({ total: '13200.00', funder: '12000.00', match: '1200.00' });
    });

    // 3,000 − 1,200 used, and no month of provision left after June.
    it('forecasts the council’s unused money to lapse with its window', () =>
      expect(report.forecastLapse).toEqual({
        total: '1800.00',
        funder: '0.00',
        match: '1800.00',
        bySource: [funder('0.00'), council('1800.00')],
      }));

    it('states the quarter’s variance', () =>
      expect(report.variance.quarter).toEqual({ planned: '3000.00', actual: '900.00', variance: '-2100.00' }));
  });

  describe('with an invoice paid after provision ended (July 2022, provision to June)', () => {
    const late = quartersRecorder([
      ...quartersScript,
      { commandId: 'pay-late', type: 'PayDisbursement', awardId: AWARD, grantId: 'g-1', disbursementId: 'd-late', amount: '250.00', paidOn: '2022-07-05', reference: 'Late' },
    ]);
    const view = foldAwardRecord(late.events.filter((e) => e.stream === `award-${AWARD}`))!;
    const returnOf = (financialYear: string, quarter: 1 | 2 | 3 | 4) =>
      homeOfficeReturn(view.view, financialYear, quarter, view.matchReceipts);

    it('flags it on the return of the quarter it was paid in, and after', () => {
      expect(returnOf('2022-23', 2).paymentsOutsideProvision).toEqual([
        { disbursementId: 'd-late', grantId: 'g-1', amount: '250.00', paidOn: '2022-07-05', provision: { start: '2021-10', end: '2022-06' } },
      ]);
      expect(returnOf('2022-23', 1).paymentsOutsideProvision).toEqual([]);
    });
  });

  describe('for a quarter before anything was spent', () => {
    const report = homeOfficeReturn(view, '2021-22', 2, matchReceipts);

    it('states nothing spent and the whole window still to come', () => {
      expect(report.spend.toDate).toMatchObject({ total: '0.00', funder: '0.00', match: '0.00' });
      expect(report.forecast).toMatchObject({ total: '12000.00', funder: '12000.00' });
      expect(report.forecastLapse.funder).toBe('0.00');
    });
  });
});
