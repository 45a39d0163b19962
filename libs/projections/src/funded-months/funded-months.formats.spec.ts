import { Money } from '@fundledger/money';
import { fundedMonthsReportToCsv } from './funded-months.csv';
import { fundedMonthsReportToJson } from './funded-months.json';
import { MONTHS_FUNDED_ROUNDING } from './months-funded';
import { reconcileFundedMonths } from './funded-months.report';
import { fundedMonthsReportToTable } from './funded-months.table';

const gbp = (amount: string): Money => Money.fromString(amount);

/*
 * 1,000.00 over Jan–Apr 2024 = 250.00 a month. The award (600.00, window Jan–Feb) pays Jan and Feb,
 * 100.00 lapses. Council contribution m-1 (300.00, to Jun) pays Mar and 50.00 of Apr: 200.00 short.
 * Contribution m-2 from the same council has nothing left, so it never shares. Months funded:
 * award 2, m-1 250/250 + 50/250 = 1.2, total 3 + 50/250 = 3.2.
 */
const report = reconcileFundedMonths({
  awardId: 'a-1',
  provisionStart: '2024-01',
  provisionEnd: '2024-04',
  committedTotal: gbp('1000.00'),
  sources: [
    { sourceId: 'home-office', kind: 'award', windowStart: '2024-01', windowEnd: '2024-02', available: gbp('600.00') },
    {
      sourceId: 'council',
      kind: 'match',
      contributionId: 'm-1',
      windowStart: '2024-01',
      windowEnd: '2024-06',
      available: gbp('300.00'),
    },
    {
      sourceId: 'council',
      kind: 'match',
      contributionId: 'm-2',
      windowStart: '2024-03',
      windowEnd: '2024-06',
      available: gbp('0.00'),
    },
  ],
});

describe('funded-months report formats', () => {
  it('JSON: amounts as 2-dp strings, months as YYYY-MM, months funded to 4 dp', () => {
    const json = fundedMonthsReportToJson(report);

    // Through JSON text and back, so nothing but plain JSON values can pass.
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      awardId: 'a-1',
      provision: { start: '2024-01', end: '2024-04', months: 4 },
      profile: 'flat',
      profileMissingMonths: [],
      months: [
        { month: '2024-01', cost: '250.00', shares: [{ sourceId: 'home-office', amount: '250.00' }], shortfall: '0.00' },
        { month: '2024-02', cost: '250.00', shares: [{ sourceId: 'home-office', amount: '250.00' }], shortfall: '0.00' },
        {
          month: '2024-03',
          cost: '250.00',
          shares: [{ sourceId: 'council', contributionId: 'm-1', amount: '250.00' }],
          shortfall: '0.00',
        },
        {
          month: '2024-04',
          cost: '250.00',
          shares: [{ sourceId: 'council', contributionId: 'm-1', amount: '50.00' }],
          shortfall: '200.00',
        },
      ],
      sources: [
        {
          sourceId: 'home-office',
          kind: 'award',
          windowStart: '2024-01',
          windowEnd: '2024-02',
          available: '600.00',
          used: '500.00',
          unused: '100.00',
          lapsed: '100.00',
          monthsFunded: '2.0000',
          months: ['2024-01', '2024-02'],
        },
        {
          sourceId: 'council',
          kind: 'match',
          contributionId: 'm-1',
          windowStart: '2024-01',
          windowEnd: '2024-06',
          available: '300.00',
          used: '300.00',
          unused: '0.00',
          lapsed: '0.00',
          monthsFunded: '1.2000',
          months: ['2024-03', '2024-04'],
        },
        {
          sourceId: 'council',
          kind: 'match',
          contributionId: 'm-2',
          windowStart: '2024-03',
          windowEnd: '2024-06',
          available: '0.00',
          used: '0.00',
          unused: '0.00',
          lapsed: '0.00',
          monthsFunded: '0.0000',
          months: [],
        },
      ],
      totals: {
        cost: '1000.00',
        funded: '800.00',
        shortfall: '200.00',
        fundedMonths: '3.2000',
        monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
        firstShortfallMonth: '2024-04',
      },
    });
  });

  it('CSV: a row per month and a totals row, a column per source, qualified where an organisation gives twice', () => {
    expect(fundedMonthsReportToCsv(report)).toBe(
      [
        'month,cost,home-office,council/m-1,council/m-2,shortfall',
        '2024-01,250.00,250.00,0.00,0.00,0.00',
        '2024-02,250.00,250.00,0.00,0.00,0.00',
        '2024-03,250.00,0.00,250.00,0.00,0.00',
        '2024-04,250.00,0.00,50.00,0.00,200.00',
        'total,1000.00,500.00,300.00,0.00,200.00',
        '',
      ].join('\n'),
    );
  });

  it('table: en-GB pounds in aligned columns, then the sources and the totals', () => {
    expect(fundedMonthsReportToTable(report)).toBe(
      [
        'Funded months for award a-1',
        'Provision Jan 2024 to Apr 2024 (4 months), committed total spread evenly',
        '',
        'Month          Cost  home-office  council/m-1  council/m-2  Shortfall',
        '--------  ---------  -----------  -----------  -----------  ---------',
        'Jan 2024    £250.00      £250.00        £0.00        £0.00      £0.00',
        'Feb 2024    £250.00      £250.00        £0.00        £0.00      £0.00',
        'Mar 2024    £250.00        £0.00      £250.00        £0.00      £0.00',
        'Apr 2024    £250.00        £0.00       £50.00        £0.00    £200.00',
        'Total     £1,000.00      £500.00      £300.00        £0.00    £200.00',
        '',
        'Source       Kind   Window                Available     Used   Unused   Lapsed  Months funded',
        '-----------  -----  --------------------  ---------  -------  -------  -------  -------------',
        'home-office  award  Jan 2024 to Feb 2024    £600.00  £500.00  £100.00  £100.00         2.0000',
        'council/m-1  match  Jan 2024 to Jun 2024    £300.00  £300.00    £0.00    £0.00         1.2000',
        'council/m-2  match  Mar 2024 to Jun 2024      £0.00    £0.00    £0.00    £0.00         0.0000',
        '',
        'Months funded: 3.2000 of 4',
        `Rounding: ${MONTHS_FUNDED_ROUNDING}`,
        'Total shortfall: £200.00',
        'First month with a shortfall: Apr 2024',
        '',
      ].join('\n'),
    );
  });

  it('table: says when the spend profile no longer covers the provision period', () => {
    const extended = reconcileFundedMonths({
      awardId: 'a-1',
      provisionStart: '2024-01',
      provisionEnd: '2024-03',
      profile: { '2024-01': gbp('10.00') },
      committedTotal: gbp('10.00'),
      sources: [
        { sourceId: 'home-office', kind: 'award', windowStart: '2024-01', windowEnd: '2024-03', available: gbp('10.00') },
      ],
    });

    expect(fundedMonthsReportToTable(extended).split('\n').slice(0, 3)).toEqual([
      'Funded months for award a-1',
      'Provision Jan 2024 to Mar 2024 (3 months), spend profile',
      'Spend profile incomplete: no cost set for Feb 2024, Mar 2024 (counted as £0.00)',
    ]);
  });
});
