import { awardViewOf, fixtureLedger, makeAward } from '../ledger/award-view.test-builders';
import { fundedMonthsFor, fundedMonthsInputFor } from './award-to-reconciliation';
import { fundedMonthsReportToJson } from './funded-months.json';
import { MONTHS_FUNDED_ROUNDING } from './months-funded';

const council = (id: string) => ({ id, name: id });
const sourceRows = (input: ReturnType<typeof fundedMonthsInputFor>) =>
  input.sources.map((s) => [s.kind, s.sourceId, s.contributionId, `${s.windowStart}..${s.windowEnd}`, s.available.toString()]);

describe('an award as reconciliation input', () => {
  describe('given Cleveland after its decision', () => {
    const view = fixtureLedger('national-2021', 'cleveland-2021').awards.get('dapi21-cleveland')!;

    it('lists the award for its window at its varied amount, then each contribution for the extended provision', () => {
      const input = fundedMonthsInputFor(view.award);
      expect(input).toMatchObject({ provisionStart: '2021-10', provisionEnd: '2022-10' });
      expect(input.profile).toBeUndefined();
      expect(input.committedTotal.toString()).toBe('295617.00'); // 187,229 + 101,388 + 7,000
      expect(sourceRows(input)).toEqual([
        ['award', 'home-office', undefined, '2021-10..2022-05', '200124.66'],
        ['match', 'opcc-cleveland', 'm-opcc', '2021-10..2022-10', '38117.00'],
        ['match', 'hartlepool-council', 'm-hartlepool', '2021-10..2022-10', '15000.00'],
        ['match', 'stockton-council', 'm-stockton', '2021-10..2022-10', '15000.00'],
        ['match', 'redcar-council', 'm-redcar', '2021-10..2022-10', '15000.00'],
        ['match', 'middlesbrough-council', 'm-middlesbrough', '2021-10..2022-10', '15000.00'],
      ]);
    });

    it('reconciles to the figures derived in funded-months.cleveland.spec.ts', () => {
      const json = fundedMonthsReportToJson(fundedMonthsFor(view));
      expect(json.totals).toEqual({
        cost: '295617.00',
        funded: '280035.16',
        shortfall: '15581.84',
        fundedMonths: '12.3148',
        monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
        firstShortfallMonth: '2022-10',
      });
      expect(json.sources.map((s) => [s.sourceId, s.used, s.lapsed, s.monthsFunded])).toEqual([
        ['home-office', '181918.16', '18206.50', '8.0000'],
        ['opcc-cleveland', '38117.00', '0.00', '1.6762'],
        ['hartlepool-council', '15000.00', '0.00', '0.6597'],
        ['stockton-council', '15000.00', '0.00', '0.6597'],
        ['redcar-council', '15000.00', '0.00', '0.6596'],
        ['middlesbrough-council', '15000.00', '0.00', '0.6596'],
      ]);
    });
  });

  describe('when a contribution is fully withdrawn', () => {
    it('is still listed, with nothing available', () => {
      const view = awardViewOf([
        makeAward('1000.00'),
        { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: council('council-a'), amount: '500.00', pledgedOn: '2021-07-31' },
        { type: 'WithdrawMatchFunding', contributionId: 'm-a', amount: '500.00', reason: 'cut', withdrawnOn: '2021-07-31' },
      ]);
      expect(sourceRows(fundedMonthsInputFor(view.award))[1]).toEqual([
        'match', 'council-a', 'm-a', '2021-10..2022-05', '0.00',
      ]);
    });
  });

  describe('when provision is extended after a spend profile was set', () => {
    const view = awardViewOf([
      makeAward('300.00', { start: '2021-10', end: '2021-12' }),
      { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: council('council-a'), amount: '100.00', pledgedOn: '2021-07-31' },
      {
        type: 'PledgeMatchFunding',
        contributionId: 'm-b',
        contributor: council('council-b'),
        amount: '100.00',
        window: { start: '2021-11', end: '2022-01' },
        pledgedOn: '2021-07-31',
      },
      { type: 'SetSpendProfile', months: { '2021-10': '100.00', '2021-11': '150.00', '2021-12': '50.00' }, setOn: '2021-07-31' },
      { type: 'ExtendProvision', newEnd: '2022-02', reason: 'more months', fundedBy: ['m-a'], decidedOn: '2021-07-31' },
    ]);

    it('keeps the profile, counts the new months as missing, and widens only the unwindowed contribution', () => {
      const report = fundedMonthsFor(view);
      expect(report.profile).toBe('set');
      expect(report.profileMissingMonths).toEqual(['2022-01', '2022-02']);
      expect(report.months.map((m) => [m.month, m.cost.toString()])).toEqual([
        ['2021-10', '100.00'],
        ['2021-11', '150.00'],
        ['2021-12', '50.00'],
        ['2022-01', '0.00'],
        ['2022-02', '0.00'],
      ]);
      expect(sourceRows(fundedMonthsInputFor(view.award)).map((row) => row[3])).toEqual([
        '2021-10..2021-12',
        '2021-10..2022-02',
        '2021-11..2022-01',
      ]);
      // The award's window ends first, so it pays every profiled month: 100 + 150 + 50 = 300.00.
      expect(report.sources.map((s) => s.used.toString())).toEqual(['300.00', '0.00', '0.00']);
    });
  });
});
