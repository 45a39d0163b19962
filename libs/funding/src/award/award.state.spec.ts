import * as build from '../funding.test-builders';
import type { AwardEvent } from './award.events';
import {
  availableFunding,
  committedTotal,
  contributionWindow,
  outstandingPledge,
  paidTotal,
  provisionEnd,
  provisionMonths,
  uncommittedFunding,
  unspentFunding,
} from './award.figures';
import { foldAward, type Award } from './award.state';

const fold = (...events: AwardEvent[]): Award => foldAward(events) as Award;

describe('the award fold and its figures', () => {
  const made = build.awardMade('100.00');

  describe('provision end', () => {
    it('is the window end while nothing extends it', () => expect(provisionEnd(fold(made))).toBe('2022-05'));

    it('is the latest extension', () =>
      expect(provisionEnd(fold(made, build.provisionExtended('2022-08'), build.provisionExtended('2022-10')))).toBe(
        '2022-10',
      ));

    it('is the window end when a variation moves it past every extension', () =>
      expect(
        provisionEnd(fold(made, build.provisionExtended('2022-08'), build.awardVaried({ newWindowEnd: '2022-12' }))),
      ).toBe('2022-12'));

    it('spans the months from the window start, inclusive', () =>
      expect(provisionMonths(fold(made, build.provisionExtended('2022-06')))).toEqual([
        '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06',
      ]));
  });

  describe('match funding', () => {
    const award = fold(
      made,
      build.matchFundingPledged('50.00'),
      build.matchFundingReceived('20.00'),
      build.matchFundingWithdrawn('5.00'),
      build.matchFundingPledged('10.00', { contributionId: 'm-2', window: { start: '2022-01', end: '2022-02' } }),
    );

    it('counts towards available funding net of withdrawals', () =>
      expect(availableFunding(award).toString()).toBe('155.00'));

    it('leaves outstanding what is neither received nor withdrawn', () =>
      expect(outstandingPledge(award.contributions.get('m-opcc')!).toString()).toBe('25.00'));

    it('may be spent across the provision period as extended later, when pledged without a window', () => {
      const extended = fold(made, build.matchFundingPledged('50.00'), build.provisionExtended('2022-10'));
      expect(contributionWindow(extended, extended.contributions.get('m-opcc')!)).toEqual({
        start: '2021-10',
        end: '2022-10',
      });
    });

    it('keeps a window it was pledged with', () =>
      expect(contributionWindow(award, award.contributions.get('m-2')!)).toEqual({ start: '2022-01', end: '2022-02' }));
  });

  describe('grants and payments', () => {
    const award = fold(
      made,
      build.grantCommitted('60.00'),
      build.grantCommitted('30.00', { grantId: 'g-2' }),
      build.grantCommitmentVaried('50.00'),
      build.disbursementPaid('20.00'),
      build.disbursementPaid('5.00', { disbursementId: 'd-2', grantId: 'g-2' }),
      build.disbursementReversed(),
      build.disbursementPaid('15.00', { disbursementId: 'd-3' }),
    );

    it('commits the varied amounts', () => expect(committedTotal(award).toString()).toBe('80.00'));
    it('leaves the rest uncommitted', () => expect(uncommittedFunding(award).toString()).toBe('20.00'));
    it('pays net of reversals', () => {
      expect(award.grants.get('g-harbour')!.paid.toString()).toBe('15.00');
      expect(paidTotal(award).toString()).toBe('20.00');
    });
    it('leaves unspent what is not paid', () => expect(unspentFunding(award).toString()).toBe('80.00'));
    it('keeps a reversed payment on record, marked reversed', () => {
      const reversed = award.disbursements.get('d-1')!;
      expect(reversed).toMatchObject({ grantId: 'g-harbour', reversed: true });
      expect(reversed.amount.toString()).toBe('20.00');
    });
  });

  describe('records kept for later issues', () => {
    it('folds certificates, returns and the closure', () => {
      const award = fold(
        made,
        {
          type: 'BudgetCertified',
          data: {
            awardId: 'award-1',
            basis: 'b',
            regulationsComplied: true,
            officer: { id: 'cfo', name: 'Chief Finance Officer' },
            certifiedOn: '2021-08-01',
            decisionRef: '2021-7335',
            figures: { awardAmount: '100.00' },
            figuresHash: 'abc',
            atRevision: 0,
          },
        },
        {
          type: 'ReturnSubmitted',
          data: {
            awardId: 'award-1',
            financialYear: '2021-22',
            quarter: 3,
            figures: {},
            figuresHash: 'def',
            version: 1,
            submittedOn: '2022-01-10',
          },
        },
        build.awardClosed('12.34'),
      );
      expect(award.certificates).toEqual([
        { basis: 'b', decisionRef: '2021-7335', certifiedOn: '2021-08-01', figuresHash: 'abc', atRevision: 0 },
      ]);
      expect(award.returns).toEqual([{ financialYear: '2021-22', quarter: 3, figuresHash: 'def' }]);
      expect(award.status).toBe('closed');
      expect(award.closure?.underspendReturned.toString()).toBe('12.34');
    });
  });

  describe('a stream the decisions could not have written', () => {
    it('fails loudly on an event before AwardMade', () =>
      expect(() => foldAward([build.grantCommitted('1.00')])).toThrow(
        'award award-1: GrantCommitted before AwardMade; the stream is inconsistent',
      ));

    it('fails loudly on a second AwardMade', () => expect(() => foldAward([made, made])).toThrow(/recorded twice/));

    it('fails loudly on a payment to an unknown grant', () =>
      expect(() => foldAward([made, build.disbursementPaid('1.00')])).toThrow(/refers to unknown g-harbour/));
  });
});
