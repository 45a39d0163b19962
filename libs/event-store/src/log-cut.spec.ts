import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { readStreamAt, recordedBy } from './log-cut';
import type { RecordedEvent } from './event-store.port';

const at = (position: bigint, recordedAt: string) => ({ position, recordedAt }) as RecordedEvent;

describe('reading the log as it stood at a cut', () => {
  it('keeps events up to and including a position', () => {
    const keep = recordedBy({ position: 2n });
    expect([at(1n, '2022-01-01T00:00:00Z'), at(2n, '2022-01-02T00:00:00Z'), at(3n, '2022-01-03T00:00:00Z')].filter(keep).map((e) => e.position)).toEqual([1n, 2n]);
  });

  it('keeps every event recorded by a time, even one that follows a later-stamped event', () => {
    const keep = recordedBy({ time: '2022-03-31T23:59:59.999Z' });
    const events = [at(1n, '2022-03-01T00:00:00Z'), at(2n, '2022-04-01T00:00:00Z'), at(3n, '2022-03-31T12:00:00Z')];
    expect(events.filter(keep).map((e) => e.position)).toEqual([1n, 3n]);
  });

  it('reads one stream to the cut from a store', async () => {
    let now = new Date('2022-03-30T00:00:00.000Z');
    const store = SqliteEventStore.open({ path: ':memory:', now: () => now });
    const event = (id: string) => ({ id, type: 'T', data: {}, metadata: {} });
    await store.append('award-1', [event('4c6f9d1e-0000-4000-8000-000000000001')], { expectedRevision: 'no_stream' });
    now = new Date('2022-04-02T00:00:00.000Z');
    await store.append('award-1', [event('4c6f9d1e-0000-4000-8000-000000000002')], { expectedRevision: 0n });

    expect(await readStreamAt(store, 'award-1', { time: '2022-03-31T23:59:59.999Z' })).toHaveLength(1);
    expect(await readStreamAt(store, 'award-1', { position: 1n })).toHaveLength(1);
    expect(await readStreamAt(store, 'award-1', undefined)).toHaveLength(2);
    await store.close();
  });
});
