import type { EventStore, RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { findChainBreak } from '../chain/event-chain';
import type { CommandEnvelope } from './command-envelope';
import { ConcurrencyConflictError } from './command-handling.errors';
import { handleCommand, type StreamDecision } from './handle-command';

// A tiny ledger: each command takes one ticket while any are left, so a lost update would oversell.
type Taken = { type: 'TicketTaken'; data: { by: string } };
const ticketDecision = (stream: string, by: string, capacity = 10): StreamDecision<number, Taken> => ({
  stream,
  initialState: 0,
  evolve: (taken) => taken + 1,
  decide: (taken) => {
    if (taken >= capacity) throw new Error(`SOLD_OUT: ${taken} of ${capacity} taken`);
    return [{ type: 'TicketTaken', data: { by } }];
  },
});
const envelope = (commandId: string): CommandEnvelope => ({
  commandId,
  commandHash: `hash-of-${commandId}`,
  actor: { id: 'fo-1', role: 'finance-officer' },
});
const now = () => new Date('2022-03-31T12:00:00.000Z');
const noWait = async () => undefined;

/**
 * Holds every append back, as a networked store would: commands that were not serialised would all
 * read the same state in the meantime and all but one would conflict.
 */
const slowAppends = (store: EventStore, ms: number): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return store.append(...args);
    },
  });

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe('handleCommand', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = SqliteEventStore.open({ path: ':memory:' })));
  afterEach(() => store.close());

  describe('given 20 commands racing for 10 tickets in one process', () => {
    it('applies them one at a time: exactly 10 succeed, 10 are refused by the rule, none conflicts', async () => {
      const slow = slowAppends(store, 15);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          handleCommand(slow, ticketDecision('tickets-1', `buyer-${i}`), envelope(`c-${i}`), { now, maxAttempts: 1 }),
        ),
      );
      const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
      expect(refusals).toHaveLength(10);
      expect(refusals.every((reason) => reason.includes('SOLD_OUT'))).toBe(true);
      const recorded = await collect(store.readStream('tickets-1'));
      expect(recorded).toHaveLength(10);
      expect(findChainBreak(recorded)).toBeNull();
    });

    it('does not hold up commands on other streams', async () => {
      const slow = slowAppends(store, 50);
      const order: string[] = [];
      const first = handleCommand(slow, ticketDecision('tickets-a', 'a'), envelope('a-1'), { now }).then(() => order.push('a'));
      const other = handleCommand(store, ticketDecision('tickets-b', 'b'), envelope('b-1'), { now }).then(() => order.push('b'));
      await Promise.all([first, other]);
      expect(order).toEqual(['b', 'a']);
    });
  });

  describe('when another process keeps writing to the stream', () => {
    /** Every read is followed by a foreign append before ours lands, as if another process raced us. */
    const foreignWriterOnEveryRead = (target: EventStore): EventStore => {
      let foreign = 0;
      return Object.assign(Object.create(target) as EventStore, {
        readStream: (stream: string) =>
          (async function* () {
            const seen = await collect(target.readStream(stream));
            yield* seen;
            const last = seen[seen.length - 1];
            foreign += 1;
            await target.append(stream, [{ id: crypto.randomUUID(), type: 'TicketTaken', data: { by: `other-${foreign}` }, metadata: {} }], {
              expectedRevision: last ? last.revision : 'no_stream',
            });
          })(),
      });
    };

    it('decides again on fresh state and gives up with a conflict after the attempts allowed', async () => {
      const attempts: number[] = [];
      const racing = foreignWriterOnEveryRead(store);
      const outcome = handleCommand(racing, ticketDecision('tickets-1', 'me', 100), envelope('c-1'), {
        now,
        maxAttempts: 3,
        backoff: async (attempt) => void attempts.push(attempt),
      });
      await expect(outcome).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(outcome).rejects.toThrow('stream tickets-1 changed during each of 3 attempts');
      expect(attempts).toEqual([2, 3]);
      const recorded = await collect(store.readStream('tickets-1'));
      expect(recorded.map((e) => e.data.by)).toEqual(['other-1', 'other-2', 'other-3']);
    });

    it('succeeds on a later attempt once the stream is quiet, still keeping the rule', async () => {
      let racesLeft = 2;
      const racing = Object.assign(Object.create(store) as EventStore, {
        readStream: (stream: string) =>
          (async function* () {
            const seen = await collect(store.readStream(stream));
            yield* seen;
            if (racesLeft-- > 0) {
              const last = seen[seen.length - 1];
              await store.append(stream, [{ id: crypto.randomUUID(), type: 'TicketTaken', data: { by: 'other' }, metadata: {} }], {
                expectedRevision: last ? last.revision : 'no_stream',
              });
            }
          })(),
      });
      await expect(
        handleCommand(racing, ticketDecision('tickets-1', 'me', 3), envelope('c-1'), { now, backoff: noWait }),
      ).resolves.toMatchObject({ nextExpectedRevision: 2n });
      await expect(
        handleCommand(store, ticketDecision('tickets-1', 'late', 3), envelope('c-2'), { now, backoff: noWait }),
      ).rejects.toThrow('SOLD_OUT: 3 of 3 taken');
    });
  });
});
