import { WrongExpectedRevisionError } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import { anEvent, collect, events, idsOf, uniqueStream, type StoreUnderTest } from './contract-fixtures';

const wrongRevision = (stream: string, expected: ExpectedRevision, actual: bigint | 'no_stream') =>
  expect.objectContaining({ name: 'WrongExpectedRevisionError', stream, expected, actual });

/** Appends: revisions, optimistic concurrency, atomicity and idempotent retries. */
export const describeAppendContract = (store: StoreUnderTest): void => {
  describe('appending', () => {
    it('records a batch in order, with revisions from 0 and increasing positions', async () => {
      const stream = uniqueStream('Order');
      const batch = [anEvent({ amount: '15000.00' }, { actor: 'finance-officer' }), anEvent({ n: 2 }), anEvent({ n: 3 })];
      const result = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const recorded = await collect(store().readStream(stream));

      const asWritten = recorded.map(({ id, type, data, metadata, revision, stream: s }) => {
        return { id, type, data, metadata, revision, stream: s };
      });
      expect(asWritten).toEqual(batch.map((event, index) => ({ ...event, stream, revision: BigInt(index) })));
      expect(recorded[1]!.position).toBeGreaterThan(recorded[0]!.position);
      expect(recorded[2]!.position).toBeGreaterThan(recorded[1]!.position);
      expect(result).toEqual({ nextExpectedRevision: 2n, position: recorded[2]!.position });
      for (const event of recorded) expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
    });

    it('continues the revisions of an existing stream', async () => {
      const stream = uniqueStream('Continue');
      await store().append(stream, events(2), { expectedRevision: 'no_stream' });
      const result = await store().append(stream, events(2), { expectedRevision: 1n });
      const recorded = await collect(store().readStream(stream));

      expect(recorded.map(({ revision }) => revision)).toEqual([0n, 1n, 2n, 3n]);
      expect(result.nextExpectedRevision).toBe(3n);
    });

    it('rejects an append of no events and writes nothing', async () => {
      const stream = uniqueStream('Empty');
      await expect(store().append(stream, [], { expectedRevision: 'any' })).rejects.toThrow();
      expect(await collect(store().readStream(stream))).toEqual([]);
    });
  });

  describe('expected revision', () => {
    it('no_stream accepts a new stream and refuses an existing one', async () => {
      const stream = uniqueStream('NoStream');
      await store().append(stream, events(2), { expectedRevision: 'no_stream' });

      await expect(store().append(stream, events(1), { expectedRevision: 'no_stream' })).rejects.toEqual(
        wrongRevision(stream, 'no_stream', 1n),
      );
    });

    it('an exact revision must be the last revision of the stream', async () => {
      const stream = uniqueStream('Exact');
      await store().append(stream, events(2), { expectedRevision: 'no_stream' });

      const stale = store().append(stream, events(1), { expectedRevision: 0n });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(stale).rejects.toEqual(wrongRevision(stream, 0n, 1n));
      await expect(store().append(stream, events(1), { expectedRevision: 1n })).resolves.toEqual(
        expect.objectContaining({ nextExpectedRevision: 2n }),
      );
    });

    it('an exact revision refuses a stream that does not exist', async () => {
      const stream = uniqueStream('Missing');
      await expect(store().append(stream, events(1), { expectedRevision: 0n })).rejects.toEqual(
        wrongRevision(stream, 0n, 'no_stream'),
      );
    });

    it('any appends whatever the stream holds', async () => {
      const stream = uniqueStream('Any');
      await store().append(stream, events(1), { expectedRevision: 'any' });
      const result = await store().append(stream, events(2), { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(2n);
    });

    it('a refused batch leaves the stream exactly as it was', async () => {
      const stream = uniqueStream('Atomic');
      const before = await store().append(stream, events(2), { expectedRevision: 'no_stream' });
      await expect(store().append(stream, events(3), { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );

      const recorded = await collect(store().readStream(stream));
      expect(recorded.map(({ revision }) => revision)).toEqual([0n, 1n]);
      expect(recorded[1]!.position).toBe(before.position);
    });
  });

  describe('racing appenders', () => {
    it.each<[string, ExpectedRevision]>([
      ['the same revision', 0n],
      ['no_stream', 'no_stream'],
    ])('with %s: exactly one wins and the other is told the stream moved', async (_, expectedRevision) => {
      const stream = uniqueStream('Race');
      if (expectedRevision !== 'no_stream') await store().append(stream, events(1), { expectedRevision: 'no_stream' });
      const [first, second] = [anEvent({ writer: 'first' }), anEvent({ writer: 'second' })];

      const outcomes = await Promise.allSettled([
        store().append(stream, [first], { expectedRevision }),
        store().append(stream, [second], { expectedRevision }),
      ]);

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toEqual([expect.any(WrongExpectedRevisionError)]);
      const winner = outcomes[0]!.status === 'fulfilled' ? first : second;
      const recorded = await collect(store().readStream(stream));
      expect(idsOf(recorded).slice(-1)).toEqual([winner.id]);
      expect(recorded).toHaveLength(expectedRevision === 'no_stream' ? 1 : 2);
    });
  });

  describe('idempotent retries', () => {
    it.each<[string, (stream: string) => Promise<ExpectedRevision>]>([
      [
        'an exact revision',
        async (stream) =>
          (await store().append(stream, events(1), { expectedRevision: 'no_stream' })).nextExpectedRevision,
      ],
      ['no_stream', async () => 'no_stream'],
      ['any', async () => 'any'],
    ])('re-appending the same ids with %s returns the first result and writes nothing', async (_, prepare) => {
      const stream = uniqueStream('Retry');
      const expectedRevision = await prepare(stream);
      const batch = events(2);
      const first = await store().append(stream, batch, { expectedRevision });
      const retried = await store().append(stream, batch, { expectedRevision });

      expect(retried).toEqual(first);
      expect(await collect(store().readStream(stream))).toHaveLength(Number(first.nextExpectedRevision) + 1);
    });

    it('a retry still succeeds after the stream has moved on', async () => {
      const stream = uniqueStream('LateRetry');
      const batch = events(2);
      const first = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      await store().append(stream, events(1), { expectedRevision: first.nextExpectedRevision });

      await expect(store().append(stream, batch, { expectedRevision: 'no_stream' })).resolves.toEqual(first);
      expect(await collect(store().readStream(stream))).toHaveLength(3);
    });
  });
};
