import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError, SqliteEventStore, loadStoreConfig } from '@fundledger/event-store';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { loadCliStoreConfig } from '../apps/cli/src/cli.config';

const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigurationError, but the configuration loaded');
};

describe('store configuration', () => {
  it('defaults to the embedded SQLite file under ./data', () => {
    expect(loadStoreConfig({})).toEqual({ kind: 'sqlite', path: './data/fundledger.sqlite', busyTimeoutMs: 5000 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadStoreConfig({ FUNDLEDGER_STORE: '', FUNDLEDGER_DB: ' ', FUNDLEDGER_BUSY_TIMEOUT_MS: '' })).toEqual(
      loadStoreConfig({}),
    );
  });

  it('takes the SQLite file and busy timeout from the environment', () => {
    expect(loadStoreConfig({ FUNDLEDGER_DB: '/var/lib/ledger.sqlite', FUNDLEDGER_BUSY_TIMEOUT_MS: '0' })).toEqual({
      kind: 'sqlite',
      path: '/var/lib/ledger.sqlite',
      busyTimeoutMs: 0,
    });
  });

  it.each(['esdb://localhost:2113?tls=false', 'esdb+discover://admin:changeit@cluster.local:2113'])(
    'selects EventStoreDB at %s',
    (connectionString) => {
      expect(loadStoreConfig({ FUNDLEDGER_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString })).toEqual({
        kind: 'eventstoredb',
        connectionString,
      });
    },
  );

  it('names an unknown store kind', () => {
    expect(problemsOf(() => loadStoreConfig({ FUNDLEDGER_STORE: 'mysql' }))).toEqual([
      "Configuration error: FUNDLEDGER_STORE must be one of sqlite, eventstoredb, postgres, got 'mysql'",
    ]);
  });

  it.each(['postgresql://fundledger@db.internal:5432/ledger', 'postgres://ledger:s3cret@/ledger?host=/run/postgresql'])(
    'selects PostgreSQL at %s',
    (connectionString) => {
      expect(loadStoreConfig({ FUNDLEDGER_STORE: 'postgres', FUNDLEDGER_POSTGRES_URL: connectionString })).toEqual({
        kind: 'postgres',
        connectionString,
      });
    },
  );

  it('requires a URL for PostgreSQL', () => {
    expect(problemsOf(() => loadStoreConfig({ FUNDLEDGER_STORE: 'postgres' }))).toEqual([
      'Configuration error: FUNDLEDGER_POSTGRES_URL is required when FUNDLEDGER_STORE is postgres (e.g. postgresql://fundledger@db.internal:5432/fundledger)',
    ]);
  });

  it('names a PostgreSQL URL of the wrong scheme without echoing its password', () => {
    expect(
      problemsOf(() => loadStoreConfig({ FUNDLEDGER_STORE: 'postgres', FUNDLEDGER_POSTGRES_URL: 'mysql://ledger:s3cret@db/x' })),
    ).toEqual(["Configuration error: FUNDLEDGER_POSTGRES_URL must start with postgresql:// or postgres://, got 'mysql://***@db/x'"]);
  });

  it.each(['abc', '-1', '1.5', '5s', '2147483648'])('names a busy timeout of %s', (value) => {
    expect(problemsOf(() => loadStoreConfig({ FUNDLEDGER_BUSY_TIMEOUT_MS: value }))).toEqual([
      `Configuration error: FUNDLEDGER_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 2147483647, got '${value}'`,
    ]);
  });

  it('takes how often a stream is snapshotted from FUNDLEDGER_SNAPSHOT_EVERY, for SQLite and PostgreSQL alike', () => {
    expect(loadStoreConfig({ FUNDLEDGER_SNAPSHOT_EVERY: '0' })).toMatchObject({ kind: 'sqlite', snapshotEvery: 0 });
    const postgres = { FUNDLEDGER_STORE: 'postgres', FUNDLEDGER_POSTGRES_URL: 'postgresql://db/x', FUNDLEDGER_SNAPSHOT_EVERY: '1000' };
    expect(loadStoreConfig(postgres)).toMatchObject({ kind: 'postgres', snapshotEvery: 1000 });
  });

  it.each(['-1', '1e3', 'often', '1000001'])('names a snapshot interval of %s', (value) => {
    expect(problemsOf(() => loadStoreConfig({ FUNDLEDGER_SNAPSHOT_EVERY: value }))).toEqual([
      `Configuration error: FUNDLEDGER_SNAPSHOT_EVERY must be a whole number of events from 0 to 1000000, got '${value}'`,
    ]);
  });

  it('requires a connection string for EventStoreDB', () => {
    expect(problemsOf(() => loadStoreConfig({ FUNDLEDGER_STORE: 'eventstoredb' }))).toEqual([
      'Configuration error: EVENTSTORE_CONNECTION_STRING is required when FUNDLEDGER_STORE is eventstoredb (e.g. esdb://localhost:2113?tls=false)',
    ]);
  });

  it('names a connection string of the wrong scheme without echoing its credentials', () => {
    expect(
      problemsOf(() =>
        loadStoreConfig({ FUNDLEDGER_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'https://admin:s3cret@db:2113' }),
      ),
    ).toEqual([
      "Configuration error: EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://, got 'https://***@db:2113'",
    ]);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf(() =>
      loadStoreConfig({ FUNDLEDGER_STORE: 'mongo', FUNDLEDGER_BUSY_TIMEOUT_MS: 'soon', EVENTSTORE_CONNECTION_STRING: 'tcp://x' }),
    );
    expect(problems.map((line) => line.split(' ')[2])).toEqual([
      'FUNDLEDGER_STORE',
      'FUNDLEDGER_BUSY_TIMEOUT_MS',
      'EVENTSTORE_CONNECTION_STRING',
    ]);
  });
});

describe('API configuration', () => {
  it('defaults to port 3000, log level info and the SQLite store', () => {
    expect(loadApiConfig({})).toMatchObject({
      port: 3000,
      logLevel: 'info',
      store: { kind: 'sqlite', path: './data/fundledger.sqlite', busyTimeoutMs: 5000 },
    });
  });

  it('reads the port and a log level in any case', () => {
    expect(loadApiConfig({ PORT: '8080', LOG_LEVEL: 'DEBUG' })).toMatchObject({ port: 8080, logLevel: 'debug' });
  });

  it.each(['abc', '0', '65536', '80.5', '-80', '3e3'])('names a port of %s', (value) => {
    expect(problemsOf(() => loadApiConfig({ PORT: value }))).toEqual([
      `Configuration error: PORT must be an integer from 1 to 65535, got '${value}'`,
    ]);
  });

  it('names an unknown log level', () => {
    expect(problemsOf(() => loadApiConfig({ LOG_LEVEL: 'loud' }))).toEqual([
      "Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
    ]);
  });

  it('names the bad store variables alongside its own', () => {
    const problems = problemsOf(() =>
      loadApiConfig({ FUNDLEDGER_STORE: 'eventstoredb', FUNDLEDGER_BUSY_TIMEOUT_MS: 'x', PORT: 'abc', LOG_LEVEL: 'loud' }),
    );
    expect(problems.map((line) => line.split(' ')[2])).toEqual([
      'FUNDLEDGER_BUSY_TIMEOUT_MS',
      'EVENTSTORE_CONNECTION_STRING',
      'PORT',
      'LOG_LEVEL',
    ]);
  });
});

describe('CLI configuration', () => {
  it('lets --db take the place of FUNDLEDGER_DB', () => {
    expect(loadCliStoreConfig({ FUNDLEDGER_DB: 'env.sqlite' }, { db: 'flag.sqlite' })).toMatchObject({
      kind: 'sqlite',
      path: 'flag.sqlite',
    });
  });

  it('refuses --db when the environment selects EventStoreDB', () => {
    const env = { FUNDLEDGER_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113' };
    expect(problemsOf(() => loadCliStoreConfig(env, { db: 'flag.sqlite' }))).toEqual([
      'Configuration error: --db names a SQLite file, but FUNDLEDGER_STORE is eventstoredb',
    ]);
  });

  it('refuses --db when the environment selects PostgreSQL', () => {
    const env = { FUNDLEDGER_STORE: 'postgres', FUNDLEDGER_POSTGRES_URL: 'postgresql://db/ledger' };
    expect(problemsOf(() => loadCliStoreConfig(env, { db: 'flag.sqlite' }))).toEqual([
      'Configuration error: --db names a SQLite file, but FUNDLEDGER_STORE is postgres',
    ]);
  });
});

const API_MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');
const CLI_MAIN = resolve(__dirname, '../dist/apps/cli/src/main.js');

/** Runs a built entry point in an empty directory, so neither a .env nor ./data of the checkout leaks in. */
const run = (main: string, args: string[], env: Record<string, string>, cwd: string) => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (\`npm test\` does)`);
  const { FUNDLEDGER_STORE, FUNDLEDGER_DB, EVENTSTORE_CONNECTION_STRING, FUNDLEDGER_POSTGRES_URL, ...inherited } = process.env;
  return spawnSync(process.execPath, [main, ...args], { cwd, env: { ...inherited, XDG_CONFIG_HOME: join(cwd, '.config'), ...env }, encoding: 'utf8', timeout: 20000 });
};

describe('the built entry points', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('the API given a bad PORT', () => {
    it('exits 1 with one line naming PORT and no stack trace', () => {
      const result = run(API_MAIN, [], { PORT: 'abc' }, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe("Configuration error: PORT must be an integer from 1 to 65535, got 'abc'\n");
      expect(result.stdout).toBe('');
    });

    it('names the other bad variables too', () => {
      const result = run(API_MAIN, [], { PORT: 'abc', LOG_LEVEL: 'loud', FUNDLEDGER_STORE: 'eventstoredb' }, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/EVENTSTORE_CONNECTION_STRING is required/);
      expect(result.stderr).toMatch(/PORT must be/);
      expect(result.stderr).toMatch(/LOG_LEVEL must be/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('fundledger status', () => {
    it('reports an empty log in the file --db names', () => {
      const file = join(dir, 'ledger.sqlite');
      const result = run(CLI_MAIN, ['--db', file, 'status'], {}, dir);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`store: sqlite\nlocation: ${file}\nhead position: none (the log is empty)\n`);
    });

    it('reports the position of the last event', async () => {
      const file = join(dir, 'ledger.sqlite');
      const store = await SqliteEventStore.open({ path: file });
      const event = () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: {} });
      const { position } = await store.append('note-1', [event(), event()], { expectedRevision: 'no_stream' });
      await store.close();

      const result = run(CLI_MAIN, ['--db', file, 'status'], {}, dir);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`head position: ${position}\n`);
    });

    it('exits 1 with the configuration problem on stderr and nothing on stdout', () => {
      const result = run(CLI_MAIN, ['--db', join(dir, 'ledger.sqlite'), 'status'], { FUNDLEDGER_BUSY_TIMEOUT_MS: 'soon' }, dir);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        "Configuration error: FUNDLEDGER_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 2147483647, got 'soon'\n",
      );
    });
  });
});
