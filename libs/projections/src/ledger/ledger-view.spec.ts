import type { RecordedEvent } from '@fundledger/event-store';
import { fixtureEvents, loadFixtureScript } from '@fundledger/testing';
import {
  emptyLedgerView,
  evolveAwardView,
  evolveLedgerView,
  foldLedgerView,
  type AwardView,
  type LedgerView,
} from './ledger-view';

const { events } = fixtureEvents([loadFixtureScript('national-2021'), loadFixtureScript('cleveland-2021')]);
const ledger: LedgerView = events.reduce(evolveLedgerView, emptyLedgerView);
const cleveland = (): AwardView => ledger.awards.get('dapi21-cleveland')!;

const recorded = (stream: string, type: string, data: object, position: bigint): RecordedEvent => ({
  id: `e-${position}`,
  stream,
  type,
  data: data as RecordedEvent['data'],
  metadata: {},
  revision: 0n,
  position,
  recordedAt: '2024-05-01T10:00:00.000Z',
});

describe('ledger view', () => {
  describe('given the national allocation and Cleveland decision', () => {
    it('holds every award and the programme', () => {
      expect(ledger.awards.size).toBe(25);
      expect([...ledger.programmes.keys()]).toEqual(['dapi-2021']);
      expect(ledger.programmes.get('dapi-2021')!.programme.envelope.toString()).toBe('11300000.00');
    });

    it('keeps the history of the Cleveland amount: announced, then varied by the decision', () => {
      expect(cleveland().amountHistory.map(({ amount, reference, reason }) => ({ amount, reference, reason }))).toEqual([
        { amount: '200333.33', reference: 'HO-DAPI-2021', reason: undefined },
        {
          amount: '200124.66',
          reference: 'Decision 2021-7335',
          reason: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)',
        },
      ]);
      expect(cleveland().award.amount.toString()).toBe('200124.66');
    });

    it("records the ledger's figures at the moment the decision was recorded", () => {
      // match: 38,117 + 4 × 15,000 = 98,117.00; grants: 187,229 + 101,388 + 7,000 = 295,617.00
      expect(cleveland().decisionsAsRecorded).toEqual([
        expect.objectContaining({
          decisionRef: '2021-7335',
          decidedOn: '2021-07-31',
          declared: { awardAmount: '200124.66', grantsTotal: '296617.00' },
          ledgerAtDecision: { awardAmount: '200124.66', matchTotal: '98117.00', grantsTotal: '295617.00' },
        }),
      ]);
    });

    it('records the extension with when it was recorded, and the position and revision last folded', () => {
      const view = cleveland();
      expect(view.extensions).toEqual([
        expect.objectContaining({ newEnd: '2022-10', fundedBy: ['m-opcc', 'm-hartlepool', 'm-stockton', 'm-redcar', 'm-middlesbrough'] }),
      ]);
      const last = events.filter((e) => e.stream === 'award-dapi21-cleveland').at(-1)!;
      expect(view.lastPosition).toBe(last.position.toString());
      expect(view.lastRecordedAt).toBe(last.recordedAt);
      // MakeAward + 11 Cleveland commands, one event each: revisions 0..11
      expect(view.revision).toBe('11');
    });

    it('folds in bulk to the same view as event by event', () => {
      expect(foldLedgerView(events)).toEqual(ledger);
    });
  });

  describe('when an event belongs to neither an award nor a programme', () => {
    it('leaves the view as it is', () => {
      const other = recorded('$settings', 'SomethingElse', {}, 999n);
      expect(evolveLedgerView(ledger, other)).toBe(ledger);
    });
  });

  describe('when an award stream does not begin with AwardMade', () => {
    it('refuses the stream as inconsistent', () => {
      const varied = recorded('award-x', 'AwardVaried', { awardId: 'x', newAmount: '1.00', reason: 'r', reference: 'f' }, 1n);
      expect(() => evolveAwardView(undefined, varied)).toThrow(/before AwardMade/);
    });
  });

  describe('when a window-only variation is recorded', () => {
    it('does not add to the amount history', () => {
      const made = events.find((e) => e.stream === 'award-dapi21-cumbria')!;
      const view = evolveAwardView(undefined, made);
      const later = evolveAwardView(
        view,
        recorded('award-dapi21-cumbria', 'AwardVaried', { awardId: 'dapi21-cumbria', newWindowEnd: '2022-06', reason: 'r', reference: 'f' }, 500n),
      );
      expect(later.amountHistory).toEqual(view.amountHistory);
      expect(later.award.window.end).toBe('2022-06');
      expect(later.lastPosition).toBe('500');
    });
  });
});
