import { LedgerRuleBroken } from '@fundledger/funding';
import { fixtureEvents, fixtureRecorder, loadFixtureScript } from './fixture-events';

const make = {
  commandId: 'm', type: 'MakeAward', awardId: 'a', funder: { id: 'f', name: 'F' }, recipient: { id: 'r', name: 'R' },
  amount: '100.00', awardedOn: '2021-01-01', window: { start: '2021-01', end: '2021-03' }, decisionRef: 'D', description: 'x',
};
const commit = (commandId: string, amount: string) => ({
  commandId, type: 'CommitGrant', awardId: 'a', grantId: commandId, grantee: { id: 'g', name: 'G' }, amount, purpose: 'x',
  committedOn: '2021-01-01',
});

describe('fixture events', () => {
  it('records the fixtures as a store would: dense positions, revisions per stream, one second per command', () => {
    const { events } = fixtureEvents([loadFixtureScript('national-2021'), loadFixtureScript('cleveland-2021')]);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => BigInt(i + 1)));
    expect(events[0]).toMatchObject({ stream: 'programme-dapi-2021', type: 'ProgrammeOpened', revision: 0n, recordedAt: '2024-04-01T09:00:00.000Z' });
    const cleveland = events.filter((e) => e.stream === 'award-dapi21-cleveland');
    expect(cleveland.map((e) => e.revision)).toEqual(cleveland.map((_, i) => BigInt(i)));
    expect(cleveland[1]).toMatchObject({ type: 'AwardVaried', id: 'cle21-001#0', recordedAt: '2024-04-01T09:00:26.000Z' });
    expect(cleveland[1].metadata).toMatchObject({ commandId: 'cle21-001', actor: { id: 'fixture-import', role: 'finance-officer' } });
  });

  it('writes nothing for a retried command id', () => {
    const recorder = fixtureRecorder();
    recorder.record(make);
    expect(recorder.record(make)).toEqual([]);
    expect(recorder.events).toHaveLength(1);
  });

  describe('when the domain refuses a command', () => {
    it('throws by default: a fixture must hold', () => {
      const recorder = fixtureRecorder();
      recorder.record(make);
      expect(() => recorder.record(commit('c1', '100.01'))).toThrow(LedgerRuleBroken);
    });

    it('with rejections skipped, lists it and writes nothing, as the service would', () => {
      const recorder = fixtureRecorder({ rejections: 'skip', firstPosition: 10n });
      recorder.record(make);
      expect(recorder.record(commit('c1', '100.01'))).toEqual([]);
      expect(recorder.rejected.map((r) => r.commandId)).toEqual(['c1']);
      expect(recorder.record(commit('c2', '100.00'))[0]).toMatchObject({ position: 11n, revision: 1n });
      expect(recorder.awardState('a')).toMatchObject({ status: 'open' });
    });
  });
});
