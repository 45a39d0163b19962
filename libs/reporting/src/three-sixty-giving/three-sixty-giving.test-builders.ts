import type { RecordedEvent } from '@fundledger/event-store';
import { foldLedgerView } from '@fundledger/projections';
import { fixtureRecorder, loadFixtureScript, type FixtureCommand } from '@fundledger/testing';
import type { ThreeSixtyGivingSource } from './three-sixty-giving.types';

export const TEST_PREFIX = '360G-test';

/** The events of the named fixture scripts, then any extra commands, decided by the real domain. */
export const eventsOf = (scripts: readonly string[], extra: readonly FixtureCommand[] = []): RecordedEvent[] => {
  const recorder = fixtureRecorder();
  for (const name of scripts) for (const command of loadFixtureScript(name).commands) recorder.record(command);
  for (const command of extra) recorder.record(command);
  return [...recorder.events];
};

export const sourceOf = (events: readonly RecordedEvent[]): ThreeSixtyGivingSource => ({
  ledger: foldLedgerView(events),
});

/** National 2021 then Cleveland 2021: 25 awards, Cleveland varied to 200,124.66 with three grants out. */
export const clevelandSource = (): ThreeSixtyGivingSource => sourceOf(eventsOf(['national-2021', 'cleveland-2021']));

/** A minimal RFC 4180 reader for the specs: quoted fields may hold commas, quotes ("") and line breaks. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
};
