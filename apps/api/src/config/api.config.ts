import {
  ConfigurationError,
  ConfigurationProblem,
  Environment,
  EventStoreConfig,
  ReadModelConfig,
  readInteger,
  readReadModelConfig,
  readStoreConfig,
  readVariable,
} from '@fundledger/event-store';
import { AuthConfig, readAuthConfig } from '@fundledger/access';
import { readSigningKeySource, type SigningKeySource } from '@fundledger/audit';
import { ConfigModule } from '@nestjs/config';
import { EdgeConfig, readEdgeConfig } from './edge.config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ApiConfig {
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly store: EventStoreConfig;
  /** The read side's own SQLite file (FUNDLEDGER_READ_DB) and how long a query waits for it. */
  readonly readModel: ReadModelConfig;
  /** The local tokens' secret and maximum lifetime, and the OpenID Connect provider if one is configured. */
  readonly auth: AuthConfig;
  /** Listening address, CORS origins and rate limits: what faces the network. */
  readonly edge: EdgeConfig;
  /** Where the checkpoint signing key is (FUNDLEDGER_SIGNING_KEY or the user's configuration directory). */
  readonly signingKey: SigningKeySource;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

const readLogLevel = (env: Environment, problems: ConfigurationProblem[]): LogLevel | undefined => {
  const raw = readVariable(env, 'LOG_LEVEL');
  if (raw === undefined) return DEFAULT_LOG_LEVEL;
  const level = LOG_LEVELS.find((candidate) => candidate === raw.toLowerCase());
  if (level === undefined) {
    problems.push({ variable: 'LOG_LEVEL', problem: `must be one of ${LOG_LEVELS.join(', ')}, got '${raw}'` });
  }
  return level;
};

/** The whole service configuration, or a ConfigurationError naming every bad variable. */
export const loadApiConfig = (env: Environment): ApiConfig => {
  const problems: ConfigurationProblem[] = [];
  const store = readStoreConfig(env, problems);
  const port = readInteger(env, 'PORT', { min: 1, max: 65535, fallback: DEFAULT_PORT, what: 'an integer' }, problems);
  const logLevel = readLogLevel(env, problems);
  const auth = readAuthConfig(env, problems);
  const readModel = readReadModelConfig(env, problems);
  const edge = readEdgeConfig(env, problems);
  const signingKey = readSigningKeySource(env, problems);
  if (
    store === undefined ||
    port === undefined ||
    logLevel === undefined ||
    auth === undefined ||
    readModel === undefined ||
    edge === undefined ||
    signingKey === undefined
  ) {
    throw new ConfigurationError(problems);
  }
  return { port, logLevel, store, auth, readModel, edge, signingKey };
};

/**
 * Reads `.env` (when present; the process environment wins over it) through @nestjs/config and
 * validates the result with loadApiConfig before anything else starts.
 */
export const readApiConfig = async (): Promise<ApiConfig> => {
  let config: ApiConfig | undefined;
  await ConfigModule.forRoot({
    validate: (env) => {
      config = loadApiConfig(env);
      return env;
    },
  });
  if (config === undefined) throw new Error('@nestjs/config did not run the validation');
  return config;
};
