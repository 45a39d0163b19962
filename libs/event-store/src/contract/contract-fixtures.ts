import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '../event-store.port';

/** The store under test, opened fresh for each test by the contract's beforeEach. */
export type StoreUnderTest = () => EventStore;

/**
 * A stream name no other test uses: EventStoreDB is not reset between tests or runs, so every test
 * writes to streams of its own and only ever looks at those.
 */
export const uniqueStream = (label: string): string => `contract${label}-${randomUUID()}`;

export const anEvent = (data: JsonObject = {}, metadata: JsonObject = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'ContractChecked',
  data: { ...data },
  metadata: { correlationId: randomUUID(), ...metadata },
});

export const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => anEvent({ index }));

export const collect = async (iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const found: RecordedEvent[] = [];
  for await (const event of iterable) found.push(event);
  return found;
};

export const idsOf = (recorded: readonly { readonly id: string }[]): string[] => recorded.map(({ id }) => id);

export const inStreams =
  (...streams: string[]) =>
  (event: RecordedEvent): boolean =>
    streams.includes(event.stream);

const withDeadline = async <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Pulls from a subscription until `count` events that `accept` are seen, skipping others' events
 * (a shared EventStoreDB sees other tests' writes). Fails if the subscription ends or stalls.
 */
export const nextMatching = async (
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
  accept: (event: RecordedEvent) => boolean,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> => {
  const found: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (found.length < count) {
    const result = await withDeadline(iterator.next(), deadline - Date.now(), `event ${found.length + 1} of ${count}`);
    if (result.done === true) throw new Error(`the subscription ended after ${found.length} of ${count} events`);
    if (accept(result.value)) found.push(result.value);
  }
  return found;
};

/** Pulls until the subscription says it is done; fails if that takes longer than `timeoutMs`. */
export const drainUntilDone = async (iterator: AsyncIterator<RecordedEvent>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await withDeadline(iterator.next(), deadline - Date.now(), 'the subscription to end');
    if (result.done === true) return;
  }
};
