import fc from 'fast-check';
import type { JsonObject } from '@fundledger/event-store';
import { fixtureEvents, loadFixtureScript } from '@fundledger/testing';
import { awardHistory, historySeed } from '../award-history.test-builders';
import {
  awardViewFromJson,
  awardViewToJson,
  LedgerViewCodecError,
  programmeViewFromJson,
  programmeViewToJson,
} from './award-view.codec';
import { emptyLedgerView, evolveAwardView, foldLedgerView, type AwardView } from './ledger-view';

/** What persistence does: to JSON text and back. */
const throughText = (json: JsonObject): JsonObject => JSON.parse(JSON.stringify(json)) as JsonObject;

const expectRoundTrip = (view: AwardView): void => {
  const json = awardViewToJson(view);
  const back = awardViewFromJson(throughText(json));
  expect(back).toEqual(view);
  expect(JSON.stringify(awardViewToJson(back))).toBe(JSON.stringify(json));
};

describe('award view codec', () => {
  const ledger = foldLedgerView(
    fixtureEvents([loadFixtureScript('national-2021'), loadFixtureScript('cleveland-2021'), loadFixtureScript('norfolk-2023')])
      .events,
    emptyLedgerView,
  );

  it('round-trips every fixture award, and the programme', () => {
    for (const view of ledger.awards.values()) expectRoundTrip(view);
    const programme = ledger.programmes.get('dapi-2021')!;
    const back = programmeViewFromJson(throughText(programmeViewToJson(programme)));
    expect(back).toEqual(programme);
    expect(back.programme.envelope.equals(programme.programme.envelope)).toBe(true);
  });

  it('brings Money and Maps back as Money and Maps, in their order', () => {
    const cleveland = awardViewFromJson(throughText(awardViewToJson(ledger.awards.get('dapi21-cleveland')!)));
    expect(cleveland.award.amount.format()).toBe('£200,124.66');
    expect([...cleveland.award.contributions.keys()]).toEqual([
      'm-opcc',
      'm-hartlepool',
      'm-stockton',
      'm-redcar',
      'm-middlesbrough',
    ]);
    expect(cleveland.award.grants.get('g-harbour')!.committed.toString()).toBe('187229.00');
  });

  it('writes money as fixed 2-dp strings, never JSON numbers', () => {
    const text = JSON.stringify(awardViewToJson(ledger.awards.get('dapi21-cleveland')!));
    expect(text).toContain('"amount":{"$money":"200124.66"}');
  });

  it('round-trips any history the ledger could hold (payments, reversals, profiles, withdrawals)', () => {
    fc.assert(
      fc.property(historySeed, (seed) => {
        const view = awardHistory(seed).reduce<AwardView | undefined>(evolveAwardView, undefined)!;
        expectRoundTrip(view);
      }),
      { numRuns: 60 },
    );
  });

  describe('when a row was written by another codec version', () => {
    it('refuses it, so the runtime rebuilds from the log', () => {
      const json = { ...awardViewToJson(ledger.awards.get('dapi21-cleveland')!), version: 0 };
      expect(() => awardViewFromJson(json)).toThrow(LedgerViewCodecError);
      expect(() => awardViewFromJson(json)).toThrow(/version 0; this is version 2/);
    });
  });

  describe('when a row lacks a part of the view', () => {
    it('names what is missing', () => {
      const { amountHistory: _dropped, ...json } = awardViewToJson(ledger.awards.get('dapi21-cleveland')!);
      expect(() => awardViewFromJson(json)).toThrow('award view: amountHistory is missing');
    });
  });
});
