import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeEventHash, GENESIS_HASH, SqliteEventStore, type EventStore, type RecordedEvent } from '@fundledger/event-store';
import { fixturePath } from '@fundledger/testing';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { describeWithPostgres } from '../libs/event-store/src/postgres/throwaway-cluster';
import { BUILT_CLI, runBuiltCli } from './built-cli';

/**
 * `fundledger migrate`, as an operator outgrowing one machine runs it: the fixtures' SQLite log moved
 * to PostgreSQL answers every report the same to the penny; a run killed half-way is run again and
 * ends with the same copy; a target that is not this log's copy is refused.
 */
const logOf = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

const withStore = async <T>(open: () => Promise<EventStore>, work: (store: EventStore) => Promise<T>): Promise<T> => {
  const store = await open();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

describeWithPostgres('fundledger migrate', (cluster) => {
  let directory = '';
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-migrate-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string> = {}) => runBuiltCli(args, { cwd: directory, env });
  const postgres = (url: string) => () => PostgresEventStore.connect({ connectionString: url });
  const sqlite = (path: string) => async () => SqliteEventStore.open({ path });

  describe('given the fixtures imported into a SQLite file and migrated to PostgreSQL', () => {
    let sqliteFile = '';
    let url = '';
    let migrated: Awaited<ReturnType<typeof cli>>;

    beforeAll(async () => {
      sqliteFile = join(directory, 'fixtures.sqlite');
      const imported = await cli([
        '--db',
        sqliteFile,
        'import',
        fixturePath('national-2021'),
        fixturePath('cleveland-2021'),
        fixturePath('norfolk-2023'),
      ]);
      expect(imported.code).toBe(0);
      url = await cluster().createDatabase('fixtures');
      migrated = await cli(['migrate', '--from', sqliteFile, '--to', url]);
    }, 120_000);

    it('says what it copied and that the copy verified', async () => {
      const events = await withStore(sqlite(sqliteFile), async (store) => (await logOf(store)).length);
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toContain(`copied ${events} events from SQLite ${sqliteFile} to postgres`);
      expect(migrated.stdout).toMatch(new RegExp(`verified: \\d+ streams, ${events} events, the same as the source; every hash chain holds`));
    });

    it('keeps every event id, stream, revision, payload, metadata, recording instant and position', async () => {
      const original = await withStore(sqlite(sqliteFile), logOf);
      const copy = await withStore(postgres(url), logOf);
      expect(copy).toEqual(original);
    });

    it('answers every report the same to the penny', async () => {
      const original = await withStore(sqlite(sqliteFile), logOf);
      const midway = original[Math.floor(original.length / 2)]!.recordedAt;
      const reports = [
        ['replay', '--as-of', '2022-03-31', '--format', 'json'],
        ['replay', '--known-at', midway, '--format', 'json'],
        ['report', 'year-end', '--financial-year', '2021-22', '--format', 'json'],
        ['report', 'programme', '--programme', 'dapi-2021', '--format', 'json'],
        ['report', 'position', '--award', 'dapi21-cleveland', '--format', 'json'],
        ['report', 'funded-months', '--award', 'dapi21-cleveland', '--format', 'json'],
        ['report', 'decisions', '--award', 'dapi21-cleveland', '--format', 'json'],
        ['report', 'contributor', '--organisation', 'hartlepool-council', '--format', 'json'],
        ['report', 'return', '--award', 'dapi21-cleveland', '--year', '2021-22', '--quarter', '3'],
        ['report', 'position', '--award', 'norfolk-change-2023', '--format', 'json'],
      ];
      for (const report of reports) {
        const fromSqlite = await cli(['--db', sqliteFile, ...report]);
        const fromPostgres = await cli(report, { FUNDLEDGER_STORE: 'postgres', FUNDLEDGER_POSTGRES_URL: url });
        expect({ report, ...fromSqlite }).toMatchObject({ report, code: 0, stderr: '' });
        expect({ report, ...fromPostgres }).toEqual({ report, ...fromSqlite });
      }
    }, 180_000);

    it('run again, copies nothing and verifies the same', async () => {
      const again = await cli(['migrate', '--from', sqliteFile, '--to', url]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^copied 0 events .* \(\d+ already there from an earlier run\)$/m);
    });
  });

  describe('when the migration is killed half-way', () => {
    const total = 3000;
    let sqliteFile = '';
    let url = '';
    let heldWhenKilled = -1n;

    beforeAll(async () => {
      sqliteFile = join(directory, 'long.sqlite');
      await withStore(sqlite(sqliteFile), async (store) => {
        const streams = Array.from({ length: 10 }, (_, index) => `award-long-${index}`);
        const lastHash = new Map<string, string>();
        for (let index = 0; index < total; index += 1) {
          const stream = streams[index % streams.length]!;
          const prevHash = lastHash.get(stream) ?? GENESIS_HASH;
          const data = { awardId: stream, index, amount: `${index}.01` };
          const metadata = { commandId: `long-${index}`, prevHash };
          const hash = computeEventHash('LongLogChecked', data, metadata);
          lastHash.set(stream, hash);
          const revision = BigInt(Math.floor(index / streams.length));
          await store.append(stream, [{ id: randomUUID(), type: 'LongLogChecked', data, metadata: { ...metadata, hash } }], {
            expectedRevision: revision === 0n ? 'no_stream' : revision - 1n,
          });
        }
      });
      url = await cluster().createDatabase('interrupted');
      const child = spawn(process.execPath, [BUILT_CLI, 'migrate', '--from', sqliteFile, '--to', url], {
        cwd: directory,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const watcher = await PostgresEventStore.connect({ connectionString: url }).catch(() => undefined);
      try {
        for (;;) {
          const head = watcher === undefined ? -1n : await watcher.headPosition().catch(() => -1n);
          if (head >= BigInt(total / 3)) break;
          if (child.exitCode !== null) throw new Error('the migration ended before it could be interrupted');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        child.kill('SIGKILL');
        await exited;
        heldWhenKilled = (await watcher?.headPosition()) ?? -1n;
      } finally {
        await watcher?.close();
      }
    }, 180_000);

    it('left a part of the log, whole appends only', () => {
      expect(heldWhenKilled).toBeGreaterThanOrEqual(BigInt(total / 3));
      expect(heldWhenKilled).toBeLessThan(BigInt(total));
    });

    it('run again, goes on where it stopped and ends with the whole log, verified', async () => {
      const resumed = await cli(['migrate', '--from', sqliteFile, '--to', url]);
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain(`copied ${BigInt(total) - heldWhenKilled} events`);
      expect(resumed.stdout).toContain(`(${heldWhenKilled} already there from an earlier run)`);
      expect(resumed.stdout).toContain(`verified: 10 streams, ${total} events`);
      const original = await withStore(sqlite(sqliteFile), logOf);
      expect(await withStore(postgres(url), logOf)).toEqual(original);
    }, 120_000);
  });

  describe('when it cannot make a faithful copy', () => {
    it('refuses a target that holds another log, and writes nothing to it', async () => {
      const url = await cluster().createDatabase('another');
      await withStore(postgres(url), (store) =>
        store.append('award-other', [{ id: randomUUID(), type: 'Other', data: {}, metadata: {} }], { expectedRevision: 'no_stream' }),
      );
      const source = join(directory, 'small.sqlite');
      await withStore(sqlite(source), (store) =>
        store.append('award-small', [{ id: randomUUID(), type: 'Small', data: {}, metadata: { prevHash: GENESIS_HASH } }], {
          expectedRevision: 'no_stream',
        }),
      );
      const refused = await cli(['migrate', '--from', source, '--to', url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^fundledger: TARGET_DIVERGES: the target's event 1 \(award-other revision 0/);
      expect((await withStore(postgres(url), logOf)).map(({ stream }) => stream)).toEqual(['award-other']);
    });

    it('refuses a SQLite source that does not exist rather than copy an empty log', async () => {
      const missing = await cli(['migrate', '--from', join(directory, 'nowhere.sqlite'), '--to', join(directory, 'to.sqlite')]);
      expect(missing).toMatchObject({ code: 1, stdout: '' });
      expect(missing.stderr).toContain('fundledger: SOURCE_MISSING: no SQLite file at');
    });

    it('refuses EventStoreDB as the target unless told it will restamp recording instants', async () => {
      const refused = await cli(['migrate', '--from', join(directory, 'small.sqlite'), '--to', 'esdb://localhost:2113?tls=false']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('fundledger: TARGET_RESTAMPS: EventStoreDB records each event at the instant of the copy');
    });
  });
});
