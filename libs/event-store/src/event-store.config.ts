import { dirname, join, parse, resolve } from 'node:path';
import { DEFAULT_SNAPSHOT_EVERY } from './snapshots/snapshot-store.port';

/** Which adapter serves the event store port, and where it finds its data. */
export type EventStoreConfig = SqliteStoreConfig | EventStoreDbStoreConfig | PostgresStoreConfig;

export interface SqliteStoreConfig {
  readonly kind: 'sqlite';
  /** The database file, as configured (relative paths are relative to the working directory). */
  readonly path: string;
  readonly busyTimeoutMs: number;
  /** FUNDLEDGER_SNAPSHOT_EVERY; absent, the store's default (500). */
  readonly snapshotEvery?: number;
}

export interface EventStoreDbStoreConfig {
  readonly kind: 'eventstoredb';
  readonly connectionString: string;
}

export interface PostgresStoreConfig {
  readonly kind: 'postgres';
  /** FUNDLEDGER_POSTGRES_URL: postgres:// or postgresql://, a unix socket directory in `?host=`. */
  readonly connectionString: string;
  /** FUNDLEDGER_SNAPSHOT_EVERY; absent, the store's default (500). */
  readonly snapshotEvery?: number;
}

export type EventStoreKind = EventStoreConfig['kind'];

/** The process environment, or any map of variable names to values that stands in for it. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface ConfigurationProblem {
  readonly variable: string;
  /** Says what the variable must be and what it was, e.g. `must be ..., got 'abc'`. */
  readonly problem: string;
}

/** Every bad variable at once, so an operator fixes the environment in one pass rather than one per restart. */
export class ConfigurationError extends Error {
  readonly code = 'CONFIGURATION_INVALID';

  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(problems.map(({ variable, problem }) => `Configuration error: ${variable} ${problem}`).join('\n'));
    this.name = 'ConfigurationError';
  }
}

export const STORE_KINDS: readonly EventStoreKind[] = ['sqlite', 'eventstoredb', 'postgres'];
export const DEFAULT_SQLITE_PATH = './data/fundledger.sqlite';
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const MAX_TIMER_MS = 2_147_483_647;

/**
 * An empty value counts as unset: compose files and CI systems routinely pass `NAME=` for a variable
 * they do not mean to set.
 */
export const readVariable = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** Reads a whole number in [min, max]; records a problem and returns undefined when it is not one. */
export const readInteger = (
  env: Environment,
  name: string,
  bounds: { min: number; max: number; fallback: number; what: string },
  problems: ConfigurationProblem[],
): number | undefined => {
  const raw = readVariable(env, name);
  if (raw === undefined) return bounds.fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(value) && value >= bounds.min && value <= bounds.max) return value;
  problems.push({ variable: name, problem: `must be ${bounds.what} from ${bounds.min} to ${bounds.max}, got '${raw}'` });
  return undefined;
};

/** The same validation as loadStoreConfig, reporting problems instead of throwing, for callers that add their own. */
export const readStoreConfig = (
  env: Environment,
  problems: ConfigurationProblem[],
): EventStoreConfig | undefined => {
  const before = problems.length;
  const kindValue = readVariable(env, 'FUNDLEDGER_STORE') ?? 'sqlite';
  const kind = STORE_KINDS.find((candidate) => candidate === kindValue);
  if (kind === undefined) {
    problems.push({ variable: 'FUNDLEDGER_STORE', problem: `must be one of ${STORE_KINDS.join(', ')}, got '${kindValue}'` });
  }

  const path = readVariable(env, 'FUNDLEDGER_DB') ?? DEFAULT_SQLITE_PATH;
  const busyTimeoutMs = readInteger(
    env,
    'FUNDLEDGER_BUSY_TIMEOUT_MS',
    { min: 0, max: MAX_TIMER_MS, fallback: DEFAULT_BUSY_TIMEOUT_MS, what: 'a whole number of milliseconds' },
    problems,
  );

  // How many events a cold command may fold after a stream's snapshot; 0 keeps no snapshots.
  const snapshotEvery = readInteger(
    env,
    'FUNDLEDGER_SNAPSHOT_EVERY',
    { min: 0, max: 1_000_000, fallback: DEFAULT_SNAPSHOT_EVERY, what: 'a whole number of events' },
    problems,
  );
  // Unset, the configuration says nothing and the store keeps its default.
  const snapshots = readVariable(env, 'FUNDLEDGER_SNAPSHOT_EVERY') === undefined ? {} : { snapshotEvery };

  const connectionString = readConnectionUrl(env, kind, problems, {
    variable: 'EVENTSTORE_CONNECTION_STRING',
    schemes: ['esdb://', 'esdb+discover://'],
    requiredFor: 'eventstoredb',
    example: 'esdb://localhost:2113?tls=false',
  });
  const postgresUrl = readConnectionUrl(env, kind, problems, {
    variable: 'FUNDLEDGER_POSTGRES_URL',
    schemes: ['postgresql://', 'postgres://'],
    requiredFor: 'postgres',
    example: 'postgresql://fundledger@db.internal:5432/fundledger',
  });

  if (problems.length > before || kind === undefined || busyTimeoutMs === undefined || snapshotEvery === undefined) return undefined;
  switch (kind) {
    case 'sqlite':
      return { kind, path, busyTimeoutMs, ...snapshots };
    case 'eventstoredb':
      return { kind, connectionString: connectionString as string };
    case 'postgres':
      return { kind, connectionString: postgresUrl as string, ...snapshots };
  }
};

/**
 * A store's address: checked whenever it is set, not only when its store is selected, since a
 * malformed value is a typo waiting to surface on the day someone switches stores; required when it is.
 */
const readConnectionUrl = (
  env: Environment,
  kind: EventStoreKind | undefined,
  problems: ConfigurationProblem[],
  rule: { variable: string; schemes: readonly string[]; requiredFor: EventStoreKind; example: string },
): string | undefined => {
  const url = readVariable(env, rule.variable);
  if (url !== undefined && !rule.schemes.some((scheme) => url.startsWith(scheme))) {
    problems.push({
      variable: rule.variable,
      problem: `must start with ${rule.schemes.join(' or ')}, got '${redactConnectionString(url)}'`,
    });
  }
  if (kind === rule.requiredFor && url === undefined) {
    problems.push({
      variable: rule.variable,
      problem: `is required when FUNDLEDGER_STORE is ${rule.requiredFor} (e.g. ${rule.example})`,
    });
  }
  return url;
};

/** The store part of the configuration, or a ConfigurationError naming every bad variable. */
export const loadStoreConfig = (env: Environment): EventStoreConfig => {
  const problems: ConfigurationProblem[] = [];
  const config = readStoreConfig(env, problems);
  if (config === undefined) throw new ConfigurationError(problems);
  return config;
};

/** Credentials never reach logs or error messages. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.replace(/\/\/[^@/]*@/, '//***@');

/** Where the data lives, fit for a log line or the CLI's status: an absolute file, or a redacted address. */
export const describeStoreLocation = (config: EventStoreConfig): string =>
  config.kind === 'sqlite' ? resolve(config.path) : redactConnectionString(config.connectionString);

/**
 * The read side's own SQLite file (persisted views and their checkpoint). It is a cache of the log:
 * deleting it is always safe, the service rebuilds it from the events.
 */
export interface ReadModelConfig {
  /** FUNDLEDGER_READ_DB, or `<name>.read-models.sqlite` beside FUNDLEDGER_DB; ':memory:' beside a ':memory:' store. */
  readonly path: string;
  /** FUNDLEDGER_READ_WAIT_MS: how long a query with `minPosition` waits for the read model to catch up. */
  readonly waitTimeoutMs: number;
}

export const DEFAULT_READ_WAIT_MS = 5000;

/** `./data/fundledger.sqlite` -> `data/fundledger.read-models.sqlite`: beside the log it is rebuilt from. */
export const defaultReadModelPath = (storePath: string): string => {
  if (storePath === ':memory:') return ':memory:';
  return join(dirname(storePath), `${parse(storePath).name}.read-models.sqlite`);
};

/** The same validation as loadReadModelConfig, reporting problems instead of throwing. */
export const readReadModelConfig = (
  env: Environment,
  problems: ConfigurationProblem[],
): ReadModelConfig | undefined => {
  const storePath = readVariable(env, 'FUNDLEDGER_DB') ?? DEFAULT_SQLITE_PATH;
  const path = readVariable(env, 'FUNDLEDGER_READ_DB') ?? defaultReadModelPath(storePath);
  const before = problems.length;
  // The read model's file is deleted and rebuilt at will; sharing the log's file would make that unsafe.
  if (path !== ':memory:' && storePath !== ':memory:' && resolve(path) === resolve(storePath)) {
    problems.push({ variable: 'FUNDLEDGER_READ_DB', problem: `must not be the event store file FUNDLEDGER_DB, got '${path}'` });
  }
  const waitTimeoutMs = readInteger(
    env,
    'FUNDLEDGER_READ_WAIT_MS',
    { min: 0, max: 60_000, fallback: DEFAULT_READ_WAIT_MS, what: 'a whole number of milliseconds' },
    problems,
  );
  if (problems.length > before || waitTimeoutMs === undefined) return undefined;
  return { path, waitTimeoutMs };
};

/** The read-model part of the configuration, or a ConfigurationError naming every bad variable. */
export const loadReadModelConfig = (env: Environment): ReadModelConfig => {
  const problems: ConfigurationProblem[] = [];
  const config = readReadModelConfig(env, problems);
  if (config === undefined) throw new ConfigurationError(problems);
  return config;
};
