import { anEvent, collect, events, idsOf, inStreams, uniqueStream, type StoreUnderTest } from './contract-fixtures';

const unicode = 'Police and Crime Commissioner for Cleveland — £ é 漢字 🚓';

/** Reads of one stream and of the whole log, and what survives the round trip. */
export const describeReadContract = (store: StoreUnderTest): void => {
  describe('reading a stream', () => {
    it('reads a stream that does not exist as empty', async () => {
      expect(await collect(store().readStream(uniqueStream('Nothing')))).toEqual([]);
    });

    it('reads from a revision, inclusive', async () => {
      const stream = uniqueStream('FromRevision');
      const batch = events(5);
      await store().append(stream, batch, { expectedRevision: 'no_stream' });

      const recorded = await collect(store().readStream(stream, { fromRevision: 2n }));
      expect(recorded.map(({ revision }) => revision)).toEqual([2n, 3n, 4n]);
      expect(idsOf(recorded)).toEqual(idsOf(batch.slice(2)));
    });

    it('reads a stream longer than one page in order', async () => {
      const stream = uniqueStream('Long');
      for (let from = 0; from < 1200; from += 400) {
        await store().append(stream, events(400), { expectedRevision: from === 0 ? 'no_stream' : BigInt(from - 1) });
      }
      const recorded = await collect(store().readStream(stream));
      expect(recorded.map(({ revision }) => revision)).toEqual(Array.from({ length: 1200 }, (_, index) => BigInt(index)));
    });
  });

  describe('reading the whole log', () => {
    it('interleaves streams in global order, bounds inclusive', async () => {
      const [a, b] = [uniqueStream('AllA'), uniqueStream('AllB')];
      const a0 = await store().append(a, [anEvent()], { expectedRevision: 'no_stream' });
      const b0 = await store().append(b, [anEvent()], { expectedRevision: 'no_stream' });
      const a1 = await store().append(a, [anEvent()], { expectedRevision: 0n });

      const all = await collect(store().readAll({ fromPosition: a0.position, toPosition: a1.position }));
      const ours = all.filter(inStreams(a, b));
      expect(ours.map(({ stream, revision }) => `${stream === a ? 'a' : 'b'}${revision}`)).toEqual(['a0', 'b0', 'a1']);
      expect(ours.map(({ position }) => position)).toEqual([a0.position, b0.position, a1.position]);
      const positions = all.map(({ position }) => position);
      expect(positions.filter((position, index) => index > 0 && position <= positions[index - 1]!)).toEqual([]);

      const onlyB = await collect(store().readAll({ fromPosition: b0.position, toPosition: b0.position }));
      expect(onlyB.map(({ stream, position }) => [stream, position])).toEqual([[b, b0.position]]);
    });

    it('reads to the end of the log when no upper bound is given', async () => {
      const stream = uniqueStream('ToEnd');
      const result = await store().append(stream, events(3), { expectedRevision: 'no_stream' });
      const recorded = await collect(store().readAll({ fromPosition: result.position }));
      expect(recorded[0]).toEqual(expect.objectContaining({ stream, revision: 2n, position: result.position }));
    });

    it('gives a head position at or after the last append', async () => {
      const first = await store().append(uniqueStream('Head'), events(1), { expectedRevision: 'no_stream' });
      expect(await store().headPosition()).toBeGreaterThanOrEqual(first.position);
      const second = await store().append(uniqueStream('Head'), events(1), { expectedRevision: 'no_stream' });
      expect(await store().headPosition()).toBeGreaterThanOrEqual(second.position);
      expect(second.position).toBeGreaterThan(first.position);
    });

    it('answers a ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });

  describe('payloads', () => {
    it('round-trips unicode in data and metadata', async () => {
      const stream = uniqueStream('Unicode');
      const event = anEvent(
        { recipient: { id: 'GB-GOR-PC000041', name: unicode }, note: 'line\nbreak "quoted" \\ back\u0000slash' },
        { actor: { id: 'officer-é', role: unicode } },
      );
      await store().append(stream, [event], { expectedRevision: 'no_stream' });
      const [recorded] = await collect(store().readStream(stream));
      expect(recorded?.data).toEqual(event.data);
      expect(recorded?.metadata).toEqual(event.metadata);
    });

    it('round-trips a payload of nearly a megabyte', async () => {
      // Under EventStoreDB's default 1 MiB limit on one append, so every adapter can honour it.
      const stream = uniqueStream('Large');
      const lines = Array.from({ length: 9000 }, (_, index) => `${index}: ${unicode} ${'x'.repeat(30)}`);
      const event = anEvent({ lines, amount: '999999999999.99' });
      expect(JSON.stringify(event.data).length).toBeGreaterThan(800_000);

      await store().append(stream, [event], { expectedRevision: 'no_stream' });
      const [recorded] = await collect(store().readStream(stream));
      expect(recorded?.data).toEqual(event.data);
    });
  });
};
