import type { RecordedEvent } from '@fundledger/event-store';
import { happenedBy } from '../ledger/happened-by';
import { evolveAwardView, type AwardView } from '../ledger/ledger-view';
import { AWARD, awardEvents, makeAward } from '../ledger/award-view.test-builders';
import { financialYearDates, yearEndReport } from './year-end.report';
import { yearEndToCsv, yearEndToTable } from './year-end.formats';

const council = { id: 'council-a', name: 'Council A' };
const pay = (n: number, amount: string, paidOn: string) => ({
  type: 'PayDisbursement',
  grantId: 'g-1',
  disbursementId: `d-${n}`,
  amount,
  paidOn,
  reference: `P-${n}`,
});

/**
 * Home Office money for October 2021 to March 2022, a council's 3,000 extending provision to June 2022,
 * 15,000 committed; payments and receipts on both sides of 31 March 2022.
 */
const events = awardEvents(
  [
    makeAward('12000.00', { start: '2021-10', end: '2022-03' }),
    { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: council, amount: '3000.00', pledgedOn: '2021-07-01' },
    { type: 'ExtendProvision', newEnd: '2022-06', decidedOn: '2021-07-01', reason: 'council money', fundedBy: ['m-a'] },
    { type: 'CommitGrant', grantId: 'g-1', grantee: { id: 'h', name: 'H' }, amount: '15000.00', committedOn: '2021-07-01', purpose: 'x' },
    pay(1, '1800.00', '2021-10-15'),
    pay(2, '2100.00', '2021-11-15'),
    { type: 'ReceiveMatchFunding', contributionId: 'm-a', amount: '1500.00', receivedOn: '2021-11-20' },
    pay(3, '4500.00', '2022-01-15'),
    pay(4, '900.00', '2022-04-10'),
    { type: 'ReceiveMatchFunding', contributionId: 'm-a', amount: '1000.00', receivedOn: '2022-05-10' },
  ].map((command) => ({ awardId: AWARD, ...command })),
);

const viewAsOf = (log: readonly RecordedEvent[], asOf: string): AwardView | undefined =>
  log.filter(happenedBy(asOf)).reduce<AwardView | undefined>(evolveAwardView, undefined);

const reportFor = (financialYear: string) => {
  const { end, endOfPreviousYear } = financialYearDates(financialYear);
  const atEnd = viewAsOf(events, end);
  return yearEndReport(financialYear, atEnd === undefined ? [] : [atEnd], () => viewAsOf(events, endOfPreviousYear));
};

describe('year-end figures for the statement of accounts', () => {
  it('dates the year: April to March, as of 31 March, against the 31 March before', () =>
    expect(financialYearDates('2021-22')).toMatchObject({ end: '2022-03-31', endOfPreviousYear: '2021-03-31' }));

  describe('when the funder window ended with the year (2021-22)', () => {
    const [award] = reportFor('2021-22').awards;

    it("counts the year's payments against the funder, and lapses what it left unspent", () =>
      expect(award.funderMoney).toEqual({
        awarded: '12000.00',
        spentInYear: '8400.00',
        spentToDate: '8400.00',
        windowEnd: '2022-03',
        lapses: '3600.00',
      }));

    it('holds the match funding received and not yet spent as a receipt in advance', () =>
      expect(award.matchFunding).toEqual({
        receivedInYear: '1500.00',
        receivedToDate: '1500.00',
        spentInYear: '0.00',
        spentToDate: '0.00',
        receiptsInAdvance: '1500.00',
        lapses: '0.00',
      }));

    it('leaves out the April payment and May receipt, which had not happened by 31 March', () =>
      expect(award.grantCommitmentsOutstanding).toBe('6600.00'));
  });

  describe('the year after (2022-23), when the match funding paid for April', () => {
    const report = reportFor('2022-23');
    const [award] = report.awards;

    it('counts only the money received in the year as received in it', () =>
      expect(award.matchFunding).toMatchObject({ receivedInYear: '1000.00', receivedToDate: '2500.00' }));

    it('spends the match on the month after the funder window, and lapses the rest of the pledge when its window ends', () => {
      expect(award.funderMoney).toMatchObject({ spentInYear: '0.00', spentToDate: '8400.00', lapses: '3600.00' });
      expect(award.matchFunding).toMatchObject({ spentInYear: '900.00', receiptsInAdvance: '1600.00', lapses: '2100.00' });
    });

    it('totals every award, and prints as CSV and a table', () => {
      expect(report.totals.grantCommitmentsOutstanding).toBe('5700.00');
      expect(yearEndToCsv(report).split('\n')[1]).toBe(
        '2022-23,2023-03-31,award-1,OPCC X,Home Office,12000.00,0.00,8400.00,3600.00,1000.00,2500.00,900.00,900.00,1600.00,2100.00,5700.00',
      );
      expect(yearEndToTable(report)).toContain('Year end 2022-23: as of 2023-03-31');
    });
  });

  it('has no award before the award was made', () =>
    expect(reportFor('2020-21').awards).toEqual([]));
});
