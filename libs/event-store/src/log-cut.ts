import type { EventStore, RecordedEvent } from './event-store.port';

/**
 * A point to read the log up to, inclusive: a global position, or a recorded time (an ISO instant the
 * caller has already validated). Absent: the whole log as it stands.
 */
export type LogCut = { readonly position: bigint } | { readonly time: string } | undefined;

/**
 * Whether an event was in the log at the cut. A time cut keeps every event recorded by then rather
 * than stopping at the first later one: recorded times come from the writers' clocks and need not rise
 * with the position, and every as-at answer must pick the same events.
 */
export function recordedBy(cut: LogCut): (event: RecordedEvent) => boolean {
  if (cut === undefined) return () => true;
  if ('position' in cut) return (event) => event.position <= cut.position;
  const until = Date.parse(cut.time);
  return (event) => Date.parse(event.recordedAt) <= until;
}

/** One stream's events as they stood at the cut. */
export async function readStreamAt(store: EventStore, stream: string, cut: LogCut): Promise<RecordedEvent[]> {
  const keep = recordedBy(cut);
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) {
    if (cut !== undefined && 'position' in cut && event.position > cut.position) break; // positions do rise
    if (keep(event)) events.push(event);
  }
  return events;
}
