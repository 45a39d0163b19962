import { SqliteEventStore, type EventStore } from '@fundledger/event-store';
import { appendRecorded, generatedLedger, steppingClock } from './ledger-history.test-builders';
import { foldLedgerAt } from './ledger-snapshot';
import type { ReadPoint } from './read-point';

const NOW = () => new Date('2030-01-01T00:00:00.000Z');

/** The store, refusing to be read whole: an answer about one award must not need the log. */
const withoutReadAll = (store: EventStore): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    readAll: () => {
      throw new Error('read the whole log for one award');
    },
  });

describe('an as-at answer about one award', () => {
  let store: SqliteEventStore;
  const ledger = generatedLedger({ awards: 12, commandsPerAward: 25, seed: 14 });

  beforeAll(async () => {
    store = SqliteEventStore.open({ path: ':memory:', now: steppingClock('2024-04-01T09:00:00.000Z') });
    await appendRecorded(store, ledger.events);
  });
  afterAll(() => store.close());

  const head = () => store.headPosition();
  const points = async (): Promise<Record<string, ReadPoint>> => ({
    'known at a position mid-log': { knownAt: { position: (await head()) / 2n } },
    'known at a recorded time': { knownAt: { time: '2024-04-01T09:02:00.000Z' } },
    'as of a business date': { asOf: '2021-10-31' },
    'as of a date, as known at a position': { asOf: '2021-12-31', knownAt: { position: ((await head()) * 3n) / 4n } },
  });

  it.each(['gen-0003', 'gen-0007', 'gen-0011'])(
    'reads only the streams of award %s and its programme, and gives the award the whole log gives',
    async (awardId) => {
      for (const [what, point] of Object.entries(await points())) {
        const whole = await foldLedgerAt(store, point, NOW);
        const scoped = await foldLedgerAt(withoutReadAll(store), point, NOW, { awardId });
        expect({ what, award: scoped.award(awardId) }).toEqual({ what, award: whole.award(awardId) });
        const programmeId = whole.award(awardId)?.award.programmeId;
        if (programmeId !== undefined) expect(scoped.programme(programmeId)).toEqual(whole.programme(programmeId));
      }
    },
  );
});
