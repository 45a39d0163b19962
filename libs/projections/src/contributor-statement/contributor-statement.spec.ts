import { fixtureRecorder, type FixtureCommandBody } from '@fundledger/testing';
import { fixtureLedger } from '../ledger/award-view.test-builders';
import { foldLedgerView } from '../ledger/ledger-view';
import { contributorStatement } from './contributor-statement.report';
import { contributorStatementToCsv, contributorStatementToTable } from './contributor-statement.formats';

describe('contributor statement', () => {
  describe('given Cleveland after its decision', () => {
    const ledger = fixtureLedger('national-2021', 'cleveland-2021');

    it("states Hartlepool's pledge and the months of provision it pays for (funded-months.cleveland.spec.ts)", () => {
      const statement = contributorStatement(ledger, 'hartlepool-council');
      expect(statement.organisationName).toBe('Hartlepool Borough Council');
      expect(statement.contributions).toEqual([
        {
          awardId: 'dapi21-cleveland',
          recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
          contributionId: 'm-hartlepool',
          pledged: '15000.00',
          received: '0.00',
          withdrawn: '0.00',
          outstanding: '15000.00',
          plannedUse: '15000.00',
          monthsFunded: '0.6596',
        },
      ]);
    });

    it("states the OPCC's own contribution, 1.6762 months", () => {
      const statement = contributorStatement(ledger, 'opcc-cleveland');
      expect(statement.contributions.map((c) => [c.contributionId, c.pledged, c.monthsFunded])).toEqual([
        ['m-opcc', '38117.00', '1.6762'],
      ]);
    });
  });

  /*
   * Council A across two awards.
   * A1: 300.00 for 2021-01..2021-03; council A pledges m-1 100.00 and m-2 200.00 (no windows);
   *     extended to 2021-04; 400.00 committed: 100.00 a month. The award pays Jan–Mar. April's
   *     100.00 is shared by m-1 and m-2 (same window end) in proportion 100:200: 3,333.33p -> 3,333p
   *     and 6,666.67p -> 6,666p; the leftover penny to the larger remainder, m-2: 33.33 and 66.67,
   *     0.3333 and 0.6667 months.
   * A2: 100.00 for 2021-01; council A pledges m-3 50.00, pays 20.00 of it, extended to 2021-02;
   *     150.00 committed: 75.00 a month. January from the award; February's 75.00 gets m-3's 50.00
   *     (25.00 short): 50/75 = 0.6667 months.
   * Totals: pledged 350.00, received 20.00, outstanding 330.00, planned use 150.00;
   *     months 3,333/10,000 + 6,667/10,000 + 2/3 = 1 + 2/3 = 1.6667.
   */
  describe('given one council contributing twice to one award and once to another', () => {
    const org = (id: string) => ({ id, name: id === 'council-a' ? 'Council A' : id });
    const make = (awardId: string, amount: string, end: string): FixtureCommandBody => ({
      type: 'MakeAward', awardId, funder: org('funder'), recipient: org(`r-${awardId}`), amount,
      awardedOn: '2021-01-01', window: { start: '2021-01', end }, decisionRef: 'D', description: 'x',
    });
    const pledge = (awardId: string, contributionId: string, amount: string): FixtureCommandBody => ({
      type: 'PledgeMatchFunding', awardId, contributionId, contributor: org('council-a'), amount,
      pledgedOn: '2021-01-01',
    });
    const commands: FixtureCommandBody[] = [
      make('a1', '300.00', '2021-03'),
      pledge('a1', 'm-1', '100.00'),
      pledge('a1', 'm-2', '200.00'),
      { type: 'ExtendProvision', awardId: 'a1', newEnd: '2021-04', reason: 'x', fundedBy: ['m-1'], decidedOn: '2021-01-01' },
      { type: 'CommitGrant', awardId: 'a1', grantId: 'g', grantee: org('g'), amount: '400.00', purpose: 'x', committedOn: '2021-01-01' },
      make('a2', '100.00', '2021-01'),
      pledge('a2', 'm-3', '50.00'),
      { type: 'ReceiveMatchFunding', awardId: 'a2', contributionId: 'm-3', amount: '20.00', receivedOn: '2021-01-15' },
      { type: 'ExtendProvision', awardId: 'a2', newEnd: '2021-02', reason: 'x', fundedBy: ['m-3'], decidedOn: '2021-01-01' },
      { type: 'CommitGrant', awardId: 'a2', grantId: 'g', grantee: org('g'), amount: '150.00', purpose: 'x', committedOn: '2021-01-01' },
    ];
    const recorder = fixtureRecorder();
    commands.forEach((command, i) => recorder.record({ commandId: `c-${i}`, ...command }));
    const statement = contributorStatement(foldLedgerView(recorder.events), 'council-a');

    it('lists each contribution with what it pays for', () => {
      expect(statement.contributions.map((c) => [c.awardId, c.contributionId, c.outstanding, c.plannedUse, c.monthsFunded])).toEqual([
        ['a1', 'm-1', '100.00', '33.33', '0.3333'],
        ['a1', 'm-2', '200.00', '66.67', '0.6667'],
        ['a2', 'm-3', '30.00', '50.00', '0.6667'],
      ]);
    });

    it('totals the money, and the months from their exact sum', () => {
      expect(statement.totals).toEqual({
        pledged: '350.00',
        received: '20.00',
        withdrawn: '0.00',
        outstanding: '330.00',
        plannedUse: '150.00',
        monthsFunded: '1.6667',
      });
    });

    it('renders CSV and a table', () => {
      expect(contributorStatementToCsv(statement).split('\n')).toEqual([
        'awardId,contributionId,pledged,received,withdrawn,outstanding,plannedUse,monthsFunded',
        'a1,m-1,100.00,0.00,0.00,100.00,33.33,0.3333',
        'a1,m-2,200.00,0.00,0.00,200.00,66.67,0.6667',
        'a2,m-3,50.00,20.00,0.00,30.00,50.00,0.6667',
        'total,,350.00,20.00,0.00,330.00,150.00,1.6667',
        '',
      ]);
      expect(contributorStatementToTable(statement)).toMatch(/^Match funding contributed by Council A \(council-a\)/);
      expect(contributorStatementToTable(statement)).toMatch(/Total\s+£350\.00\s+£20\.00\s+£0\.00\s+£330\.00\s+£150\.00\s+1\.6667/);
    });
  });

  describe('when the organisation has contributed nothing', () => {
    it('answers an empty statement with zero totals', () => {
      const statement = contributorStatement(fixtureLedger('norfolk-2023'), 'nobody');
      expect(statement.contributions).toEqual([]);
      expect(statement.organisationName).toBeUndefined();
      expect(statement.totals).toMatchObject({ pledged: '0.00', monthsFunded: '0.0000' });
      expect(contributorStatementToTable(statement)).toBe('nobody has made no match-funding contributions.\n');
    });
  });
});
