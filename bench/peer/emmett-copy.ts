import type { EventStore } from '@fundledger/event-store';
import type { EmmettEventStore } from './emmett.peer';

/** Events per append: Emmett binds every column of every event as a parameter, so 5,000 at once pass SQLite's 32,766. */
const CHUNK = 1_000;

/**
 * The same events (type and data) in Emmett's store, each stream in the order it was written. Streams
 * are appended a chunk at a time rather than in the log's interleaving: building the peer's copy is
 * setup, not a measure, and Emmett's ~5 fsyncs an append would make a 30,000-event copy take minutes.
 */
export const copyLogToEmmett = async (source: EventStore, target: EmmettEventStore): Promise<number> => {
  const pending = new Map<string, Array<{ type: string; data: unknown }>>();
  const versions = new Map<string, bigint>();
  let copied = 0;
  const flush = async (stream: string): Promise<void> => {
    const events = pending.get(stream) ?? [];
    if (events.length === 0) return;
    const expected = versions.get(stream);
    const result = await target.appendToStream(stream, events, expected === undefined ? {} : { expectedStreamVersion: expected });
    versions.set(stream, result.nextExpectedStreamVersion);
    copied += events.length;
    pending.set(stream, []);
  };
  for await (const event of source.readAll()) {
    const events = pending.get(event.stream) ?? [];
    events.push({ type: event.type, data: event.data });
    pending.set(event.stream, events);
    if (events.length >= CHUNK) await flush(event.stream);
  }
  for (const stream of pending.keys()) await flush(stream);
  return copied;
};
