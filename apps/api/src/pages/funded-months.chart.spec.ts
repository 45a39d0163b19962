import { Money } from '@fundledger/money';
import type { FundedMonthsReportJson } from '@fundledger/projections';
import { fundedMonthsChart, SHORTFALL_COLOUR } from './funded-months.chart';

const source = (sourceId: string, windowEnd: string, contributionId?: string): FundedMonthsReportJson['sources'][number] => ({
  sourceId,
  kind: contributionId === undefined ? 'award' : 'match',
  ...(contributionId === undefined ? {} : { contributionId }),
  windowStart: '2022-01',
  windowEnd,
  available: '0.00',
  used: '0.00',
  unused: '0.00',
  lapsed: '0.00',
  monthsFunded: '0.0000',
  months: [],
});

const report: FundedMonthsReportJson = {
  awardId: 'a<b>',
  provision: { start: '2022-01', end: '2022-03', months: 3 },
  profile: 'flat',
  profileMissingMonths: [],
  months: [
    { month: '2022-01', cost: '100.00', shares: [{ sourceId: 'home-office', amount: '100.00' }], shortfall: '0.00' },
    { month: '2022-02', cost: '100.00', shares: [{ sourceId: 'home-office', amount: '40.00' }, { sourceId: 'council', contributionId: 'm-1', amount: '60.00' }], shortfall: '0.00' },
    { month: '2022-03', cost: '100.00', shares: [{ sourceId: 'council', contributionId: 'm-1', amount: '25.00' }], shortfall: '75.00' },
  ],
  sources: [source('home-office', '2022-02'), source('council', '2022-03', 'm-1')],
  totals: { cost: '300.00', funded: '225.00', shortfall: '75.00', fundedMonths: '2.2500', monthsFundedRounding: '', firstShortfallMonth: '2022-03' },
};

describe('the funded-months chart', () => {
  const svg = fundedMonthsChart(report);

  it('draws one segment per source share and one for each month short, the shortfall in its own colour', () => {
    expect(svg.match(/class="app-chart__share"/g)).toHaveLength(4);
    expect(svg.match(/class="app-chart__shortfall"/g)).toHaveLength(1);
    expect(svg).toMatch(new RegExp(`class="app-chart__shortfall" data-month="2022-03"[^>]*fill="${SHORTFALL_COLOUR}"`));
  });

  it('stacks a month to the height of its cost: a full month and a month partly short are equally tall', () => {
    const heights = (month: string) =>
      [...svg.matchAll(new RegExp(`data-month="${month}"[^>]*height="([\\d.]+)"`, 'g'))].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(heights('2022-01')).toBeCloseTo(180, 0);
    expect(heights('2022-03')).toBeCloseTo(heights('2022-01'), 0);
  });

  it("marks where each source's window ends", () => {
    expect(svg.match(/class="app-chart__window-end"/g)).toHaveLength(2);
    expect(svg).toContain('Award (home-office) window ends 2022-02');
  });

  it('draws a black line at what was paid in a month, and nothing for a month without payments', () => {
    const paidSvg = fundedMonthsChart(report, new Map([['2022-02', Money.fromString('50.00')], ['2023-01', Money.fromString('9.00')]]));

    expect(paidSvg.match(/class="app-chart__paid"/g)).toHaveLength(1);
    // Half the month's cost of 100.00: halfway up the 180-pixel plot, whose base is at y = 200.
    expect(paidSvg).toMatch(/class="app-chart__paid" data-month="2022-02"[^>]*y1="110.0" y2="110.0"[^>]*><title>2022-02 paid: £50.00<\/title>/);
    expect(svg).not.toContain('app-chart__paid');
  });

  it('escapes ledger text, so an id cannot become markup', () => {
    expect(svg).toContain('Funded months of a&#60;b&#62;');
    expect(svg).not.toContain('a<b>');
  });
});
