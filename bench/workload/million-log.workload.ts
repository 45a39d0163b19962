import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type EventToAppend, type JsonObject, type RecordedEvent } from '@fundledger/event-store';
import { ledgerLogPath } from './ledger-log.workload';

/** Copies of the shared log's 250 awards: 34 × 30,000 + the programme = 1,020,001 events, 8,500 awards. */
export const MILLION_COPIES = 34;
/** Commands of one award appended together, as the shared log appends them, so the copy interleaves awards alike. */
const EVENTS_PER_APPEND = 10;

/**
 * The 1,000,000-event log of `--only rebuild-1m`: the shared log's award streams copied 34 times
 * under new award ids (bench-0007 becomes bench-0007-c12), interleaved round by round as the shared
 * log is, under its one programme. Deciding a million commands would take many minutes and is not
 * what is measured. The copies keep the original metadata, so their hash chains do not verify: a
 * rebuild reads the log, it never verifies it.
 */
export async function millionLogPath(workDir: string): Promise<string> {
  const path = join(workDir, 'million.sqlite');
  if (existsSync(path)) return path;
  const source = SqliteEventStore.open({ path: await ledgerLogPath(workDir) });
  const programme: RecordedEvent[] = [];
  const awards = new Map<string, RecordedEvent[]>();
  try {
    for await (const event of source.readAll()) {
      if (!event.stream.startsWith('award-')) programme.push(event);
      else awards.set(event.stream, [...(awards.get(event.stream) ?? []), event]);
    }
  } finally {
    await source.close();
  }
  const building = join(workDir, 'million.building.sqlite');
  const target = SqliteEventStore.open({ path: building });
  try {
    for (const event of programme) await target.append(event.stream, [copyOf(event, undefined)], { expectedRevision: 'no_stream' });
    const longest = Math.max(...[...awards.values()].map((events) => events.length));
    for (let copy = 0; copy < MILLION_COPIES; copy += 1) {
      for (let from = 0; from < longest; from += EVENTS_PER_APPEND) {
        // Every award's next commands at once: the store's group commit writes them in a few transactions.
        await Promise.all(
          [...awards.values()].map((events) => {
            const slice = events.slice(from, from + EVENTS_PER_APPEND);
            if (slice.length === 0) return undefined;
            const stream = `${slice[0].stream}-c${copy}`;
            return target.append(stream, slice.map((event) => copyOf(event, copy)), { expectedRevision: from === 0 ? 'no_stream' : BigInt(from - 1) });
          }),
        );
      }
    }
  } finally {
    await target.close();
  }
  renameSync(building, path);
  return path;
}

const copyOf = (event: RecordedEvent, copy: number | undefined): EventToAppend => {
  const data: JsonObject =
    copy === undefined || typeof event.data.awardId !== 'string' ? event.data : { ...event.data, awardId: `${event.data.awardId}-c${copy}` };
  return { id: randomUUID(), type: event.type, data, metadata: event.metadata };
};
