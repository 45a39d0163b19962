import type { Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { fundedMonthsReportToJson } from './funded-months.json';
import { MONTHS_FUNDED_ROUNDING } from './months-funded';
import { reconcileFundedMonths } from './funded-months.report';
import type { ReconciliationSource } from './funded-months.types';

/*
 * Cleveland's "Team around the Couple" (fixtures/cleveland-2021.json, national-2021.json): the Home
 * Office award as varied to 200,124.66 with its 8-month window 2021-10..2022-05; five match
 * contributions whose window is the provision period as extended to 2022-10; no spend profile, so
 * the committed grants (187,229 + 101,388 + 7,000 = 295,617.00) are spread evenly over 13 months.
 *
 * Monthly cost: 295,617.00 / 13 = 22,739.7692… -> floor 22,739.76; 13 × 22,739.76 = 295,616.88;
 * leftover 295,617.00 - 295,616.88 = 0.12 = 12p -> 2021-10..2022-09 (12 months) cost 22,739.77,
 * 2022-10 costs 22,739.76.
 *
 * 2021-10..2022-05: every source's window contains the month; the award's ends first (2022-05) and
 * can pay in full: 8 × 22,739.77 = 181,918.16 used; 200,124.66 - 181,918.16 = 18,206.50 unused,
 * and its window ends before the provision end (2022-05 <= 2022-10), so all of it lapses.
 *
 * 2022-06..2022-10: only the match windows (all ending 2022-10, one group) are open. Together they
 * hold 38,117.00 + 4 × 15,000.00 = 98,117.00 against 4 × 22,739.77 + 22,739.76 = 113,698.84, so
 * 113,698.84 - 98,117.00 = 15,581.84 will be short. Each month is shared in proportion to what each
 * still has, in pennies (exact share = cost × held / total held; floor; leftover pennies by largest
 * remainder, ties to the lower org id: hartlepool < middlesbrough < opcc < redcar < stockton):
 *
 * 2022-06: 2,273,977p over 9,811,700p held.
 *   opcc  2,273,977 × 3,811,700 / 9,811,700 = 883,406.3547…  -> 883,406
 *   each council × 1,500,000 / 9,811,700     = 347,642.6613…  -> 347,642
 *   floors 883,406 + 4 × 347,642 = 2,273,974: 3p left; largest remainders are the councils' (.6613,
 *   all equal) ahead of opcc's (.3547): tie -> hartlepool, middlesbrough, redcar get 347,643;
 *   stockton 347,642.
 *   left: opcc 2,928,294; hartlepool, middlesbrough, redcar 1,152,357; stockton 1,152,358
 *   (total 7,537,723).
 * 2022-07: 2,273,977p over 7,537,723p.
 *   opcc 2,273,977 × 2,928,294 / 7,537,723 = 883,406.4617… -> 883,406
 *   stockton × 1,152,358 / 7,537,723      = 347,642.8608… -> 347,642
 *   the other councils × 1,152,357 / …    = 347,642.5591… -> 347,642
 *   floors sum 2,273,974: 3p to remainders .8608 (stockton), then the .5591 tie: hartlepool,
 *   middlesbrough; opcc (.4617) and redcar (.5591, loses the tie) get none.
 *   shares: opcc 883,406; hartlepool 347,643; middlesbrough 347,643; redcar 347,642; stockton 347,643.
 *   left: opcc 2,044,888; hartlepool, middlesbrough 804,714; redcar, stockton 804,715 (5,263,746).
 * 2022-08: 2,273,977p over 5,263,746p.
 *   opcc 2,273,977 × 2,044,888 / 5,263,746 = 883,406.6612… -> 883,406
 *   redcar, stockton × 804,715 / …         = 347,642.8006… -> 347,642
 *   hartlepool, middlesbrough × 804,714 / … = 347,642.3686… -> 347,642
 *   floors sum 2,273,974: 3p to .8006 (redcar, stockton) and .6612 (opcc).
 *   shares: opcc 883,407; hartlepool 347,642; middlesbrough 347,642; redcar 347,643; stockton 347,643.
 *   left: opcc 1,161,481; each council 457,072 (2,989,769).
 * 2022-09: 2,273,977p over 2,989,769p.
 *   opcc 2,273,977 × 1,161,481 / 2,989,769 = 883,406.4036… -> 883,406
 *   each council × 457,072 / …             = 347,642.6490… -> 347,642
 *   floors sum 2,273,974: 3p to the tied councils: hartlepool, middlesbrough, redcar.
 *   shares: opcc 883,406; hartlepool 347,643; middlesbrough 347,643; redcar 347,643; stockton 347,642.
 *   left: opcc 278,075; hartlepool, middlesbrough, redcar 109,429; stockton 109,430 (715,792).
 * 2022-10: 2,273,976p cost, only 715,792p held: each gives all it has;
 *   shortfall 2,273,976 - 715,792 = 1,558,184p = 15,581.84 (as foreseen above).
 *
 * Months funded (Σ share/cost, exact, then half up to 4 dp):
 *   award: 8 × 22,739.77/22,739.77 = 8.0000
 *   opcc: (883,406 + 883,406 + 883,407 + 883,406)/2,273,977 + 278,075/2,273,976 = 1.67622633… -> 1.6762
 *   hartlepool, middlesbrough, redcar: 4 months' 1,390,571p/2,273,977 + 109,429/2,273,976 = 0.65963729… -> 0.6596
 *   stockton: 1,390,570/2,273,977 + 109,430/2,273,976 = 0.65963729… -> 0.6596
 *   total: 12 full months + 715,792/2,273,976 (= 0.3147755…) = 12.3148
 * Printed per source, the sum is rounded once (12.3148) and shared back by largest remainder: floors
 *   8.0000 + 1.6762 + 4 × 0.6596 = 12.3146, and the two leftover ten-thousandths go to the largest
 *   remainders, stockton's (its exact figure is a hair larger) then hartlepool's (the first of three equal):
 *   8.0000 + 1.6762 + 0.6597 + 0.6597 + 0.6596 + 0.6596 = 12.3148.
 */
const provision = { start: '2021-10', end: '2022-10' } as const;
const gbp = (amount: string): Money => Money.fromString(amount);
const contribution = (sourceId: string, contributionId: string, available: string): ReconciliationSource => ({
  sourceId,
  kind: 'match',
  contributionId,
  windowStart: provision.start,
  windowEnd: provision.end,
  available: gbp(available),
});

const report = reconcileFundedMonths({
  awardId: 'dapi21-cleveland',
  provisionStart: provision.start,
  provisionEnd: provision.end,
  committedTotal: gbp('295617.00'),
  sources: [
    { sourceId: 'home-office', kind: 'award', windowStart: '2021-10', windowEnd: '2022-05', available: gbp('200124.66') },
    contribution('opcc-cleveland', 'm-opcc', '38117.00'),
    contribution('hartlepool-council', 'm-hartlepool', '15000.00'),
    contribution('stockton-council', 'm-stockton', '15000.00'),
    contribution('redcar-council', 'm-redcar', '15000.00'),
    contribution('middlesbrough-council', 'm-middlesbrough', '15000.00'),
  ],
});
const json = fundedMonthsReportToJson(report);
const councilShares = (
  opcc: string,
  hartlepool: string,
  middlesbrough: string,
  redcar: string,
  stockton: string,
): Array<[string, string]> => [
  // Allocation order within the group: organisation id order.
  ['hartlepool-council', hartlepool],
  ['middlesbrough-council', middlesbrough],
  ['opcc-cleveland', opcc],
  ['redcar-council', redcar],
  ['stockton-council', stockton],
];

describe('Cleveland 2021: award for 8 months, match funding for 5 more', () => {
  it('spreads 295,617.00 over 13 months, the 12 leftover pennies to the first 12', () => {
    expect(json.profile).toBe('flat');
    expect(json.provision).toEqual({ start: '2021-10', end: '2022-10', months: 13 });
    expect(json.months.map((m) => m.cost)).toEqual([...Array<string>(12).fill('22739.77'), '22739.76']);
  });

  it('pays the first 8 months from the award alone', () => {
    const awardMonths: Month[] = ['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05'];
    expect(json.months.slice(0, 8)).toEqual(
      awardMonths.map((month) => ({
        month,
        cost: '22739.77',
        shares: [{ sourceId: 'home-office', amount: '22739.77' }],
        shortfall: '0.00',
      })),
    );
  });

  it('shares the last 5 months among the match contributions in proportion to what each still has', () => {
    const view = json.months.slice(8).map((m) => [m.month, m.shares.map((s) => [s.sourceId, s.amount]), m.shortfall]);
    expect(view).toEqual([
      ['2022-06', councilShares('8834.06', '3476.43', '3476.43', '3476.43', '3476.42'), '0.00'],
      ['2022-07', councilShares('8834.06', '3476.43', '3476.43', '3476.42', '3476.43'), '0.00'],
      ['2022-08', councilShares('8834.07', '3476.42', '3476.42', '3476.43', '3476.43'), '0.00'],
      ['2022-09', councilShares('8834.06', '3476.43', '3476.43', '3476.43', '3476.42'), '0.00'],
      ['2022-10', councilShares('2780.75', '1094.29', '1094.29', '1094.29', '1094.30'), '15581.84'],
    ]);
  });

  it('reports per source what was used, what lapses, and the months funded', () => {
    const view = json.sources.map((s) => [s.sourceId, s.used, s.unused, s.lapsed, s.monthsFunded, s.months.length]);
    expect(view).toEqual([
      ['home-office', '181918.16', '18206.50', '18206.50', '8.0000', 8],
      ['opcc-cleveland', '38117.00', '0.00', '0.00', '1.6762', 5],
      ['hartlepool-council', '15000.00', '0.00', '0.00', '0.6597', 5],
      ['stockton-council', '15000.00', '0.00', '0.00', '0.6597', 5],
      ['redcar-council', '15000.00', '0.00', '0.00', '0.6596', 5],
      ['middlesbrough-council', '15000.00', '0.00', '0.00', '0.6596', 5],
    ]);
    expect(json.sources[0].months).toEqual([
      '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05',
    ]);
    expect(json.sources[1].months).toEqual(['2022-06', '2022-07', '2022-08', '2022-09', '2022-10']);
  });

  it('totals: 295,617.00 cost, 280,035.16 funded, 15,581.84 short from October 2022', () => {
    // funded = 181,918.16 (award) + 98,117.00 (all match) = 280,035.16 = 295,617.00 - 15,581.84
    expect(json.totals).toEqual({
      cost: '295617.00',
      funded: '280035.16',
      shortfall: '15581.84',
      fundedMonths: '12.3148',
      monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
      firstShortfallMonth: '2022-10',
    });
  });
});
