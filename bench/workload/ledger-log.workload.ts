import { existsSync, renameSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  computeEventHash,
  GENESIS_HASH,
  hashCommandBody,
  SqliteEventStore,
  type EventToAppend,
  type JsonObject,
} from '@fundledger/event-store';
import { fixtureRecorder, type FixtureRecorder } from '@fundledger/testing';
import { awardCommand, openProgrammeCommand, type ScriptCommand } from './award-commands.workload';
import { BENCH_ACTOR } from './command-path';

/** 250 awards × 120 commands, one event each, plus the programme: a decade of a busy team's ledger. */
export const LEDGER_AWARDS = 250;
export const LEDGER_ROUNDS = 120;
/** Rounds of one award appended together: keeps building the log to a few thousand commits. */
const ROUNDS_PER_APPEND = 10;

/**
 * The shared log of the read-side scenarios, built once per run in the run's folder. Its events are
 * decided by the real domain (the fixture recorder: parse, decide, evolve) and stored with the
 * metadata and hash chain handleCommand writes, but appended ten commands of an award at a time:
 * going through the handler would re-read each stream per command and take minutes, and building
 * the log is not what is measured.
 */
export async function ledgerLogPath(workDir: string): Promise<string> {
  const path = join(workDir, 'ledger.sqlite');
  if (existsSync(path)) return path;
  const building = join(workDir, 'ledger.building.sqlite');
  const store = SqliteEventStore.open({ path: building });
  const append = logWriter(store);
  try {
    await append([openProgrammeCommand()]);
    for (let from = 0; from < LEDGER_ROUNDS; from += ROUNDS_PER_APPEND) {
      for (let awardNo = 0; awardNo < LEDGER_AWARDS; awardNo += 1) {
        const rounds = Array.from({ length: Math.min(ROUNDS_PER_APPEND, LEDGER_ROUNDS - from) }, (_, i) => from + i);
        await append(rounds.map((round) => awardCommand(awardNo, round)));
      }
    }
  } finally {
    await store.close();
  }
  // Renamed only once complete, so a run interrupted mid-build never leaves a short log to measure.
  renameSync(building, path);
  return path;
}

/**
 * Appends commands' events as the handler would record them, decided by the real domain through a
 * fixture recorder; all commands of one call go to one stream in one append.
 */
export function logWriter(store: SqliteEventStore): (commands: readonly ScriptCommand[]) => Promise<void> {
  // Decided as of April 2026, after every business date the workload's two-year cycle names.
  const recorder = fixtureRecorder({ rejections: 'throw', startAt: '2026-04-01T09:00:00.000Z' });
  const streams = new Map<string, { revision: bigint; hash: string }>();
  return async (commands) => {
    const decided = commands.flatMap((command) => recorded(recorder, command));
    const stream = decided[0].stream;
    const last = streams.get(stream);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const events = decided.map(({ event, commandHash }): EventToAppend => {
      const metadata: JsonObject = { ...event.metadata, commandHash, prevHash };
      prevHash = computeEventHash(event.type, event.data, metadata);
      return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata, hash: prevHash } };
    });
    const result = await store.append(stream, events, { expectedRevision: last?.revision ?? 'no_stream' });
    streams.set(stream, { revision: result.nextExpectedRevision, hash: prevHash });
  };
}

const recorded = (recorder: FixtureRecorder, command: ScriptCommand) => {
  const events = recorder.record({ commandId: command.commandId, type: command.type, ...command.body });
  const commandHash = hashCommandBody(command.type, command.body);
  return events.map((event) => ({
    stream: event.stream,
    commandHash,
    event: { ...event, metadata: { ...event.metadata, actor: BENCH_ACTOR } },
  }));
};
