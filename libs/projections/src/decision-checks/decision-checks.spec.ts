import { awardViewOf, fixtureLedger, makeAward } from '../ledger/award-view.test-builders';
import { decisionChecksReport } from './decision-checks.report';
import { decisionChecksToCsv, decisionChecksToTable } from './decision-checks.formats';

describe('decision checks', () => {
  describe('given Cleveland: decision 2021-7335 against the ledger', () => {
    const view = fixtureLedger('national-2021', 'cleveland-2021').awards.get('dapi21-cleveland')!;
    const report = decisionChecksReport(view);

    it('finds the stated grants total 1,000.00 above the sum of its lines', () => {
      // declared 296,617.00; lines 187,229 + 101,388 + 7,000 = 295,617.00; 296,617 − 295,617 = +1,000.00
      const grants = report.decisions[0].figures.find((f) => f.figure === 'grantsTotal')!;
      const expected = { declared: '296617.00', ledger: '295617.00', status: 'mismatch', difference: '1000.00' };
      expect(grants).toEqual({ figure: 'grantsTotal', atDecision: expected, now: expected });
    });

    it('agrees with the award amount the decision declared, after the variation it made', () => {
      const amount = report.decisions[0].figures.find((f) => f.figure === 'awardAmount')!;
      expect(amount.atDecision).toEqual({ declared: '200124.66', ledger: '200124.66', status: 'match', difference: '0.00' });
      expect(report.decisions[0].figures.map((f) => f.figure)).toEqual(['awardAmount', 'grantsTotal']);
      expect(report.mismatches).toEqual({ atDecision: 1, now: 1 });
    });

    it('surfaces the two published amounts: announced 200,333.33, decided 200,124.66', () => {
      // 200,124.66 − 200,333.33 = −208.67
      expect(report.amountVariations).toEqual([
        expect.objectContaining({ from: '200333.33', to: '200124.66', difference: '-208.67', reference: 'Decision 2021-7335' }),
      ]);
    });

    it('renders the mismatch and the variation', () => {
      const table = decisionChecksToTable(report);
      expect(table).toMatch(/2021-7335\s+Grants total\s+£296,617\.00\s+£295,617\.00\s+MISMATCH \+£1,000\.00/);
      expect(table).toMatch(/£200,333\.33\s+£200,124\.66\s+-£208\.67\s+Decision 2021-7335/);
      expect(decisionChecksToCsv(report)).toContain(
        '2021-7335,grantsTotal,296617.00,295617.00,mismatch,1000.00,295617.00,mismatch,1000.00',
      );
    });
  });

  describe('given Norfolk: a declared grants total equal to the commitment', () => {
    it('finds no mismatch', () => {
      const report = decisionChecksReport(fixtureLedger('norfolk-2023').awards.get('norfolk-change-2023')!);
      expect(report.mismatches).toEqual({ atDecision: 0, now: 0 });
      expect(report.amountVariations).toEqual([]);
    });
  });

  describe('when the ledger moves after a decision that was right', () => {
    const council = { id: 'council-a', name: 'Council A' };
    const report = decisionChecksReport(
      awardViewOf([
        makeAward('1000.00'),
        { type: 'PledgeMatchFunding', contributionId: 'm-a', contributor: council, amount: '200.00', pledgedOn: '2021-07-31' },
        { type: 'CommitGrant', grantId: 'g-1', grantee: council, amount: '100.00', purpose: 'x', committedOn: '2021-07-31' },
        { type: 'RecordDecision', decisionRef: 'D-1', decidedOn: '2021-08-01', declared: { matchTotal: '200.00', grantsTotal: '100.00' } },
        { type: 'WithdrawMatchFunding', contributionId: 'm-a', amount: '50.00', reason: 'cut', withdrawnOn: '2021-07-31' },
        { type: 'VaryGrantCommitment', grantId: 'g-1', newAmount: '150.00', reason: 'more work', effectiveOn: '2021-07-31' },
      ]),
    );

    it('matched when recorded, and now differs by what changed since', () => {
      expect(report.decisions[0].figures).toEqual([
        {
          figure: 'matchTotal',
          atDecision: { declared: '200.00', ledger: '200.00', status: 'match', difference: '0.00' },
          now: { declared: '200.00', ledger: '150.00', status: 'mismatch', difference: '50.00' }, // 200 − (200 − 50)
        },
        {
          figure: 'grantsTotal',
          atDecision: { declared: '100.00', ledger: '100.00', status: 'match', difference: '0.00' },
          now: { declared: '100.00', ledger: '150.00', status: 'mismatch', difference: '-50.00' }, // 100 − 150
        },
      ]);
      expect(report.mismatches).toEqual({ atDecision: 0, now: 2 });
    });
  });
});
