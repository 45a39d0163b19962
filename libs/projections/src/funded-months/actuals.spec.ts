import { awardViewOf, makeAward } from '../ledger/award-view.test-builders';
import { actualsFor } from './actuals';
import { actualsReportToCsv, actualsReportToJson, actualsReportToTable } from './actuals.formats';

/*
 * Award 10,000.00 for 2021-10..2021-12; council A pledges 3,000.00 without a window and pays for an
 * extension to 2022-02. One grant of 13,000.00 (= 10,000 + 3,000 available), paid:
 *   2021-10-20 4,000.00 | 2021-11-05 1,000.00 | 2021-11-25 500.00 (reversed) | 2021-12-15 4,500.00
 *   2022-01-10 2,000.00 | 2022-02-10 1,500.00
 * By month, net of the reversal: 4,000 | 1,000 | 4,500 | 2,000 | 1,500 = 13,000.00.
 * The award's window ends first, so it pays while open: 4,000 + 1,000 + 4,500 = 9,500.00, leaving
 * 500.00 that lapses with its window. January: only council A is open: 2,000.00 (1,000.00 left).
 * February: council A gives its last 1,000.00; 500.00 is unfunded.
 */
const council = { id: 'council-a', name: 'Council A' };
const pay = (id: string, amount: string, paidOn: string) => ({
  type: 'PayDisbursement', grantId: 'g-1', disbursementId: id, amount, paidOn, reference: id,
});
const view = awardViewOf([
  makeAward('10000.00', { start: '2021-10', end: '2021-12' }),
  { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: council, amount: '3000.00', pledgedOn: '2021-07-31' },
  { type: 'ExtendProvision', newEnd: '2022-02', reason: 'match funding', fundedBy: ['m-a'], decidedOn: '2021-07-31' },
  { type: 'CommitGrant', grantId: 'g-1', grantee: { id: 'harbour', name: 'Harbour' }, amount: '13000.00', purpose: 'x', committedOn: '2021-07-31' },
  pay('d-1', '4000.00', '2021-10-20'),
  pay('d-2', '1000.00', '2021-11-05'),
  pay('d-3', '500.00', '2021-11-25'),
  { type: 'ReverseDisbursement', disbursementId: 'd-3', reason: 'paid twice', reversedOn: '2024-03-31' },
  pay('d-4', '4500.00', '2021-12-15'),
  pay('d-5', '2000.00', '2022-01-10'),
  pay('d-6', '1500.00', '2022-02-10'),
]);

describe('actual spend by source', () => {
  describe('over the whole provision period', () => {
    const json = actualsReportToJson(actualsFor(view));

    it('counts payments by the month paid, a reversed payment as nothing', () => {
      expect(json.months.map((m) => [m.month, m.paid])).toEqual([
        ['2021-10', '4000.00'],
        ['2021-11', '1000.00'],
        ['2021-12', '4500.00'],
        ['2022-01', '2000.00'],
        ['2022-02', '1500.00'],
      ]);
    });

    it('meets them from the award while its window is open, then from the match funding', () => {
      expect(json.months.map((m) => [m.month, m.shares.map((s) => `${s.sourceId} ${s.amount}`), m.shortfall])).toEqual([
        ['2021-10', ['home-office 4000.00'], '0.00'],
        ['2021-11', ['home-office 1000.00'], '0.00'],
        ['2021-12', ['home-office 4500.00'], '0.00'],
        ['2022-01', ['council-a 2000.00'], '0.00'],
        ['2022-02', ['council-a 1000.00'], '500.00'],
      ]);
      expect(json.sources.map((s) => [s.sourceId, s.available, s.used, s.remaining])).toEqual([
        ['home-office', '10000.00', '9500.00', '500.00'],
        ['council-a', '3000.00', '3000.00', '0.00'],
      ]);
      expect(json.totals).toEqual({ paid: '13000.00', funded: '12500.00', shortfall: '500.00' });
    });
  });

  describe('up to a month', () => {
    it('counts only what was paid by its end: funder 5,000.00, match nothing yet', () => {
      const json = actualsReportToJson(actualsFor(view, '2021-11'));
      expect(json.period).toEqual({ start: '2021-10', end: '2021-11' });
      expect(json.sources.map((s) => [s.sourceId, s.used, s.byMonth])).toEqual([
        ['home-office', '5000.00', [{ month: '2021-10', amount: '4000.00' }, { month: '2021-11', amount: '1000.00' }]],
        ['council-a', '0.00', []],
      ]);
    });

    it('has no months when the month is before provision starts', () => {
      expect(actualsReportToJson(actualsFor(view, '2021-09'))).toMatchObject({ period: null, months: [] });
    });
  });

  describe('when nothing has been paid', () => {
    it('reports every provision month at 0.00', () => {
      const unpaid = actualsFor(awardViewOf([makeAward('10.00', { start: '2021-10', end: '2021-12' })]));
      expect(unpaid.months.map((m) => [m.month, m.cost.toString(), m.shares.length])).toEqual([
        ['2021-10', '0.00', 0],
        ['2021-11', '0.00', 0],
        ['2021-12', '0.00', 0],
      ]);
    });
  });

  it('renders CSV and a table with a column per source', () => {
    const report = actualsFor(view);
    expect(actualsReportToCsv(report).split('\n').slice(0, 2)).toEqual([
      'month,paid,home-office,council-a,shortfall',
      '2021-10,4000.00,4000.00,0.00,0.00',
    ]);
    expect(actualsReportToCsv(report)).toContain('total,13000.00,9500.00,3000.00,500.00');
    expect(actualsReportToTable(report)).toMatch(/Feb 2022\s+£1,500\.00\s+£0\.00\s+£1,000\.00\s+£500\.00/);
  });
});
