import { fixtureEvents, loadFixtureScript } from '@fundledger/testing';
import { awardPositionReport } from './award-position/award-position.report';
import { decisionChecksReport } from './decision-checks/decision-checks.report';
import { fundedMonthsFor } from './funded-months/award-to-reconciliation';
import { fundedMonthsReportToJson } from './funded-months/funded-months.json';
import { MONTHS_FUNDED_ROUNDING } from './funded-months/months-funded';
import { emptyLedgerView, evolveLedgerView } from './ledger/ledger-view';
import { programmeTotalsReport } from './programme-totals/programme-totals.report';

/*
 * The three published fixtures, end to end without a store: each command parsed and decided by the
 * domain, its events wrapped as the store would record them (fixed ids, positions and times), folded
 * by the ledger view, and read back through every report.
 */
const { events, skipped } = fixtureEvents(
  ['national-2021', 'cleveland-2021', 'norfolk-2023'].map(loadFixtureScript),
);
const ledger = events.reduce(evolveLedgerView, emptyLedgerView);
const cleveland = ledger.awards.get('dapi21-cleveland')!;
const norfolk = ledger.awards.get('norfolk-change-2023')!;

describe('the published fixtures, folded', () => {
  it('records every command, one event each', () => {
    // national: 1 programme + 25 awards; Cleveland: 11 commands; Norfolk: 4 commands.
    expect(events).toHaveLength(26 + 11 + 4);
    expect(skipped).toEqual([]);
  });

  describe('national 2021 programme', () => {
    /*
     * 25 MakeAward amounts sum to 11,334,384.69; Cleveland is then varied 200,333.33 -> 200,124.66,
     * i.e. −208.67: 11,334,384.69 − 208.67 = 11,334,176.02 against 11,300,000.00,
     * over by 11,334,176.02 − 11,300,000.00 = 34,176.02.
     */
    it('is over its £11.3m envelope by 34,176.02', () => {
      const report = programmeTotalsReport(ledger, 'dapi-2021');
      expect(report.awards).toMatchObject({ count: 25, total: '11334176.02' });
      expect(report.envelope).toBe('11300000.00');
      expect(report.envelopeDifference).toEqual({ kind: 'over', amount: '34176.02' });
    });
  });

  describe('Cleveland 2021', () => {
    it('funds 12.3148 of 13 months, 15,581.84 short in October 2022 (funded-months.cleveland.spec.ts)', () => {
      const json = fundedMonthsReportToJson(fundedMonthsFor(cleveland));
      // 295,617.00 / 13 -> 12 months of 22,739.77 and one of 22,739.76
      expect(json.months.map((m) => m.cost)).toEqual([...Array<string>(12).fill('22739.77'), '22739.76']);
      // award: 8 × 22,739.77 = 181,918.16 used; 200,124.66 − 181,918.16 = 18,206.50 lapses with its window
      expect(json.sources[0]).toMatchObject({ sourceId: 'home-office', used: '181918.16', lapsed: '18206.50' });
      // match 38,117 + 4 × 15,000 = 98,117.00 against the last 5 months' 113,698.84: 15,581.84 short
      expect(json.totals).toEqual({
        cost: '295617.00',
        funded: '280035.16', // 181,918.16 + 98,117.00
        shortfall: '15581.84',
        fundedMonths: '12.3148', // 12 full months + 715,792p / 2,273,976p
        monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
        firstShortfallMonth: '2022-10',
      });
      // Rounded once, so they add up to the total: 8 + 1.6762 + 0.6597 + 0.6597 + 0.6596 + 0.6596 = 12.3148.
      expect(json.sources.map((s) => s.monthsFunded)).toEqual(['8.0000', '1.6762', '0.6597', '0.6597', '0.6596', '0.6596']);
    });

    it('shows the decision declaring 1,000.00 more in grants than its lines sum to', () => {
      const report = decisionChecksReport(cleveland);
      // declared 296,617.00 − (187,229 + 101,388 + 7,000 = 295,617.00) = +1,000.00
      expect(report.decisions[0].figures).toEqual([
        expect.objectContaining({
          figure: 'awardAmount',
          atDecision: { declared: '200124.66', ledger: '200124.66', status: 'match', difference: '0.00' },
        }),
        expect.objectContaining({
          figure: 'grantsTotal',
          atDecision: { declared: '296617.00', ledger: '295617.00', status: 'mismatch', difference: '1000.00' },
        }),
      ]);
      // announced 200,333.33, decided 200,124.66: 200,124.66 − 200,333.33 = −208.67
      expect(report.amountVariations.map((v) => [v.from, v.to, v.difference])).toEqual([
        ['200333.33', '200124.66', '-208.67'],
      ]);
    });

    it('has 298,241.66 available against 295,617.00 committed', () => {
      // 200,124.66 + 98,117.00 = 298,241.66; headroom 298,241.66 − 295,617.00 = 2,624.66
      expect(awardPositionReport(cleveland)).toMatchObject({
        availableFunding: '298241.66',
        committed: '295617.00',
        uncommittedHeadroom: '2624.66',
        provision: { start: '2021-10', end: '2022-10', months: 13 },
      });
    });
  });

  describe('Norfolk 2023', () => {
    it('awards 169,675.00 and commits all of it', () => {
      const report = awardPositionReport(norfolk);
      expect(report).toMatchObject({
        awarded: { current: '169675.00' },
        availableFunding: '169675.00',
        committed: '169675.00', // one grant to The Change Project
        uncommittedHeadroom: '0.00',
        decisions: 1,
        certificates: 1, // the Section 151 officer's, basis (b)
      });
      // 169,675.00 / 12 = 14,139.5833… -> 14,139.58 a month, 169,675.00 − 12 × 14,139.58 = 0.04: the
      // first four months cost 14,139.59; the award pays every month itself.
      const json = fundedMonthsReportToJson(fundedMonthsFor(norfolk));
      expect(json.months.map((m) => m.cost)).toEqual([
        ...Array<string>(4).fill('14139.59'),
        ...Array<string>(8).fill('14139.58'),
      ]);
      expect(json.totals).toMatchObject({ funded: '169675.00', shortfall: '0.00', fundedMonths: '12.0000' });
    });
  });
});
