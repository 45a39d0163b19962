import { awardViewOf, fixtureLedger, makeAward } from '../ledger/award-view.test-builders';
import { awardPositionReport } from './award-position.report';
import { awardPositionToCsv } from './award-position.csv';
import { awardPositionToTable } from './award-position.table';

const councilA = { id: 'council-a', name: 'Council A' };
const councilB = { id: 'council-b', name: 'Council B' };
const harbour = { id: 'harbour', name: 'Harbour' };
const msp = { id: 'msp', name: "My Sister's Place" };

const history = [
  makeAward('100000.00', { start: '2021-10', end: '2022-03' }),
  { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: councilA, amount: '20000.00', pledgedOn: '2021-07-31' },
  {
    type: 'PledgeMatchFunding',
    contributionId: 'm-b',
    contributor: councilB,
    amount: '10000.00',
    window: { start: '2022-04', end: '2022-06' },
    pledgedOn: '2021-07-31',
  },
  { type: 'ReceiveMatchFunding', contributionId: 'm-a', amount: '5000.00', receivedOn: '2021-11-01' },
  { type: 'WithdrawMatchFunding', contributionId: 'm-b', amount: '4000.00', reason: 'budget cut', withdrawnOn: '2021-07-31' },
  { type: 'CommitGrant', grantId: 'g-1', grantee: harbour, amount: '90000.00', purpose: 'delivery', committedOn: '2021-07-31' },
  { type: 'CommitGrant', grantId: 'g-2', grantee: msp, amount: '30000.00', purpose: 'delivery', committedOn: '2021-07-31' },
  { type: 'PayDisbursement', grantId: 'g-1', disbursementId: 'd-1', amount: '10000.00', paidOn: '2021-11-15', reference: 'P1' },
  { type: 'PayDisbursement', grantId: 'g-1', disbursementId: 'd-2', amount: '2500.00', paidOn: '2021-12-01', reference: 'P2' },
  { type: 'ReverseDisbursement', disbursementId: 'd-2', reason: 'wrong account', reversedOn: '2024-03-31' },
  { type: 'ExtendProvision', newEnd: '2022-06', reason: 'match funding', fundedBy: ['m-a', 'm-b'], decidedOn: '2021-07-31' },
];

describe('award position', () => {
  describe('given pledges, a receipt, a withdrawal, two grants, a payment and a reversed payment', () => {
    const report = awardPositionReport(awardViewOf(history));

    it('states match funding per contribution: outstanding = pledged − withdrawn − received', () => {
      expect(report.matchFunding.contributors.map((c) => [c.contributionId, c.pledged, c.received, c.withdrawn, c.outstanding])).toEqual([
        ['m-a', '20000.00', '5000.00', '0.00', '15000.00'], // 20,000 − 0 − 5,000
        ['m-b', '10000.00', '0.00', '4000.00', '6000.00'], // 10,000 − 4,000 − 0
      ]);
      expect(report.matchFunding).toMatchObject({
        pledged: '30000.00',
        received: '5000.00',
        withdrawn: '4000.00',
        outstanding: '21000.00',
        net: '26000.00', // 30,000 − 4,000
      });
    });

    it('gives an unwindowed contribution the provision period as extended, a windowed one its own', () => {
      expect(report.matchFunding.contributors.map((c) => [c.window, c.windowFollowsProvision])).toEqual([
        [{ start: '2021-10', end: '2022-06' }, true],
        [{ start: '2022-04', end: '2022-06' }, false],
      ]);
      expect(report.provision).toMatchObject({ start: '2021-10', end: '2022-06', months: 9 });
      expect(report.provision.extensions.map((e) => e.newEnd)).toEqual(['2022-06']);
    });

    it('states available funding, commitments, payments net of the reversal, and headroom', () => {
      expect(report).toMatchObject({
        availableFunding: '126000.00', // 100,000 + 30,000 − 4,000
        committed: '120000.00', // 90,000 + 30,000
        paid: '10000.00', // 10,000 + 2,500 − 2,500 reversed
        unpaidCommitments: '110000.00', // 120,000 − 10,000
        uncommittedHeadroom: '6000.00', // 126,000 − 120,000
      });
      expect(report.grants.map((g) => [g.grantId, g.committed, g.paid, g.unpaid])).toEqual([
        ['g-1', '90000.00', '10000.00', '80000.00'],
        ['g-2', '30000.00', '0.00', '30000.00'],
      ]);
    });

    it('renders a table in en-GB pounds and a long-form CSV', () => {
      const table = awardPositionToTable(report);
      expect(table).toContain('Available funding:');
      expect(table).toMatch(/Available funding:\s+£126,000\.00/);
      expect(table).toMatch(/m-b\s+Council B\s+2021-07-31\s+Apr 2022 to Jun 2022\s+£10,000\.00\s+£0\.00\s+£4,000\.00\s+£6,000\.00/);
      expect(table).toMatch(/Total\s+£120,000\.00\s+£10,000\.00\s+£110,000\.00/);
      const csv = awardPositionToCsv(report).split('\n');
      expect(csv[0]).toBe('section,id,organisation,figure,amount');
      expect(csv).toContain('match,m-a,Council A,outstanding,15000.00');
      expect(csv).toContain("grant,g-2,My Sister's Place,unpaid,30000.00");
      expect(csv).toContain('award,award-1,OPCC X,uncommitted headroom,6000.00');
    });
  });

  describe('when a payment is dated outside the provision months (a late invoice)', () => {
    const report = awardPositionReport(
      awardViewOf([
        ...history,
        { type: 'PayDisbursement', grantId: 'g-2', disbursementId: 'd-late', amount: '300.00', paidOn: '2022-08-03', reference: 'Late' },
      ]),
    );

    it('counts it as paid and flags it, with the provision it falls outside', () => {
      expect(report.paid).toBe('10300.00');
      expect(report.paymentsOutsideProvision).toEqual([
        { disbursementId: 'd-late', grantId: 'g-2', amount: '300.00', paidOn: '2022-08-03', provision: { start: '2021-10', end: '2022-06' } },
      ]);
      expect(awardPositionToTable(report)).toContain('! Payment d-late of £300.00 on 2022-08-03 is outside provision (2021-10 to 2022-06)');
    });

    it('flags nothing for payments within provision', () =>
      expect(awardPositionReport(awardViewOf(history)).paymentsOutsideProvision).toEqual([]));
  });

  describe('when the award is closed', () => {
    it('reports the closure and the underspend returned', () => {
      const closed = awardPositionReport(
        awardViewOf([...history, { type: 'CloseAward', closedOn: '2022-07-31', underspendReturned: '1000.00' }]),
      );
      expect(closed.status).toBe('closed');
      expect(closed.closure).toEqual({ closedOn: '2022-07-31', underspendReturned: '1000.00' });
      expect(awardPositionToTable(closed)).toContain('Closed:');
    });
  });

  describe('given the Norfolk 2023 decision', () => {
    const report = awardPositionReport(fixtureLedger('norfolk-2023').awards.get('norfolk-change-2023')!);

    it('awards 169,675.00 and commits all of it to The Change Project', () => {
      expect(report).toMatchObject({
        awarded: { current: '169675.00' },
        availableFunding: '169675.00', // no match funding
        committed: '169675.00',
        uncommittedHeadroom: '0.00',
        paid: '0.00',
        decisions: 1,
      });
      expect(report.grants).toEqual([
        expect.objectContaining({ grantee: { id: 'the-change-project', name: 'The Change Project' }, unpaid: '169675.00' }),
      ]);
      expect(report.provision).toMatchObject({ start: '2023-04', end: '2024-03', months: 12 });
    });
  });
});
