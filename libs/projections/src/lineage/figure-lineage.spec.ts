import { fixtureEvents, loadFixtureScript } from '@fundledger/testing';
import { figureLineage } from './figure-lineage';
import { figureLineageToCsv, figureLineageToTable } from './figure-lineage.formats';

const CLEVELAND = 'dapi21-cleveland';
const clevelandStream = () =>
  fixtureEvents([loadFixtureScript('national-2021'), loadFixtureScript('cleveland-2021')]).events.filter(
    (event) => event.stream === `award-${CLEVELAND}`,
  );

describe('the lineage of a figure of the award position', () => {
  describe("Cleveland's available funding", () => {
    const lineage = figureLineage(clevelandStream(), 'available-funding')!;

    it('is the award, its variation and the five pledges, each with its event, dates and actor', () => {
      expect(lineage.value).toBe('298241.66');
      expect(lineage.terms.map((t) => [t.type, t.change, t.businessDate])).toEqual([
        ['AwardMade', '200333.33', '2021-07-01'],
        ['AwardVaried', '-208.67', '2021-07-31'],
        ['MatchFundingPledged', '38117.00', '2021-07-31'],
        ['MatchFundingPledged', '15000.00', '2021-07-31'],
        ['MatchFundingPledged', '15000.00', '2021-07-31'],
        ['MatchFundingPledged', '15000.00', '2021-07-31'],
        ['MatchFundingPledged', '15000.00', '2021-07-31'],
      ]);
      expect(lineage.terms[0]).toMatchObject({ actor: { id: 'fixture-import', role: 'finance-officer' }, businessDateInferred: false });
    });

    it('adds up: each term is what the fold changed, the last total is the figure', () =>
      expect(lineage.terms.at(-1)!.total).toBe(lineage.value));

    it('says so in one sentence, and prints as a table and CSV', () => {
      expect(lineage.explanation).toMatch(
        /^available funding £298,241\.66 = £200,333\.33 AwardMade \(position \d+, 2021-07-01\) − £208\.67 AwardVaried \(position \d+, 2021-07-31\) \+ £38,117\.00 MatchFundingPledged/,
      );
      expect(figureLineageToTable(lineage)).toContain('available funding £298,241.66');
      expect(figureLineageToCsv(lineage).split('\n')[0]).toBe(
        'position,revision,eventId,type,businessDate,businessDateInferred,recordedAt,actor,change,total',
      );
    });
  });

  it('lists only the events that moved the figure: committed is the three grants', () =>
    expect(figureLineage(clevelandStream(), 'committed')!.terms.map((t) => t.change)).toEqual(['187229.00', '101388.00', '7000.00']));

  it('has nothing to say of an award never made', () => expect(figureLineage([], 'paid')).toBeUndefined());
});
