import type { RecordedEvent } from '@fundledger/event-store';
import { fixtureEvents, fixtureRecorder, loadFixtureScript, type FixtureCommandBody } from '@fundledger/testing';
import { emptyLedgerView, evolveAwardView, foldLedgerView, type AwardView, type LedgerView } from './ledger-view';

/**
 * Views for report specs, built the way the service builds them: commands decided by the domain,
 * events folded by the view. A command the domain refuses fails the spec (the history must be real).
 */

export const AWARD = 'award-1';
export const homeOffice = { id: 'home-office', name: 'Home Office' };
export const opcc = { id: 'opcc-x', name: 'OPCC X' };

/** MakeAward for AWARD: Home Office money for the given window. */
export const makeAward = (amount: string, window = { start: '2021-10', end: '2022-05' }): FixtureCommandBody => ({
  type: 'MakeAward',
  awardId: AWARD,
  funder: homeOffice,
  recipient: opcc,
  amount,
  awardedOn: '2021-07-01',
  window,
  decisionRef: 'HO-1',
  description: 'spec award',
});

export const awardEvents = (commands: readonly FixtureCommandBody[]): RecordedEvent[] => {
  const recorder = fixtureRecorder();
  commands.forEach((command, i) => recorder.record({ commandId: `c-${i + 1}`, ...command }));
  return [...recorder.events];
};

/** The view of AWARD after the commands (awardId defaults to AWARD). */
export const awardViewOf = (commands: readonly FixtureCommandBody[]): AwardView => {
  const events = awardEvents(commands.map((c) => ({ awardId: AWARD, ...c })));
  return events.reduce<AwardView | undefined>(evolveAwardView, undefined)!;
};

/** The ledger after the named fixture scripts, in order. */
export const fixtureLedger = (...names: string[]): LedgerView =>
  foldLedgerView(fixtureEvents(names.map(loadFixtureScript)).events, emptyLedgerView);
