import { deciderSpecification } from '@fundledger/testing';
import { awardClosed, awardMade, matchFundingPledged, pledgeMatchFunding, awardDeciderForSpecs } from '../../funding.test-builders';
import { parsePledgeMatchFunding } from './pledge-match-funding.parse';

const spec = deciderSpecification(awardDeciderForSpecs);

describe('PledgeMatchFunding', () => {
  describe('a new contribution', () => {
    it('records the pledge, open to the whole provision period when it names no window', () =>
      spec
        .given([awardMade('100.00')])
        .when(pledgeMatchFunding('38117.00', { reference: 'Decision 2021-7335' }))
        .then([matchFundingPledged('38117.00', { reference: 'Decision 2021-7335' })]));

    // Match funding is pledged before the extension it pays for is recorded (Cleveland did so).
    it('records a window that runs beyond the current provision end', () =>
      spec
        .given([awardMade('100.00')])
        .when(pledgeMatchFunding('15000.00', { window: { start: '2022-06', end: '2022-10' } }))
        .then([matchFundingPledged('15000.00', { window: { start: '2022-06', end: '2022-10' } })]));
  });

  describe('a window that could never be used', () => {
    it('refuses a window that ends before it starts', () =>
      spec
        .given([awardMade('100.00')])
        .when(pledgeMatchFunding('10.00', { window: { start: '2022-03', end: '2022-02' } }))
        .thenThrows('WINDOW_END_BEFORE_START', "contribution m-opcc's window ends 2022-02, before it starts 2022-03"));

    it('refuses a window that starts before provision does', () =>
      spec
        .given([awardMade('100.00')])
        .when(pledgeMatchFunding('10.00', { window: { start: '2021-09', end: '2022-02' } }))
        .thenThrows(
          'CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION',
          "contribution m-opcc's window starts 2021-09, before provision starts 2021-10",
        ));
  });

  describe('a contribution id already pledged', () => {
    it('refuses it as a duplicate', () =>
      spec
        .given([awardMade('100.00'), matchFundingPledged('10.00')])
        .when(pledgeMatchFunding('10.00'))
        .thenThrows('DUPLICATE_CONTRIBUTION_ID', 'contribution m-opcc is already pledged to award award-1'));
  });

  describe('after closure', () => {
    it('refuses the pledge', () =>
      spec.given([awardMade('100.00'), awardClosed()]).when(pledgeMatchFunding('10.00')).thenThrows('AWARD_CLOSED'));
  });

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      contributionId: 'm-hartlepool',
      contributor: { id: 'hartlepool-council', name: 'Hartlepool Borough Council' },
      amount: '15000.00',
      pledgedOn: '2021-07-31',
      reference: 'Decision 2021-7335',
    };

    it('reads the Cleveland fixture entry', () => {
      const command = parsePledgeMatchFunding(body);
      expect(command).toMatchObject({ contributionId: 'm-hartlepool', reference: 'Decision 2021-7335' });
      expect(command.amount.toString()).toBe('15000.00');
    });

    it('refuses a zero pledge and a malformed window', () =>
      expect(() => parsePledgeMatchFunding({ ...body, amount: '0.00', window: { start: '2022-06', end: '22-10' } })).toThrow(
        expect.objectContaining({
          fields: [
            expect.objectContaining({ field: 'amount' }),
            expect.objectContaining({ field: 'window.end' }),
          ],
        }),
      ));
  });
});
