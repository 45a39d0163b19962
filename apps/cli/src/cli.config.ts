import {
  ConfigurationError,
  ConfigurationProblem,
  Environment,
  EventStoreConfig,
  loadStoreConfig,
  readVariable,
} from '@fundledger/event-store';
import { ConfigModule } from '@nestjs/config';
import { readSigningKeySource, type SigningKeySource } from '@fundledger/audit';

export interface CliGlobalOptions {
  /** `--db <file>`: the SQLite file to use instead of FUNDLEDGER_DB. */
  readonly db?: string;
}

/** The store the CLI works on: the environment's, with `--db` taking the place of FUNDLEDGER_DB. */
export const loadCliStoreConfig = (env: Environment, options: CliGlobalOptions): EventStoreConfig => {
  if (options.db === undefined) return loadStoreConfig(env);
  // Silently ignoring --db would leave an operator believing they worked on the file they named.
  const kind = readVariable(env, 'FUNDLEDGER_STORE');
  if (kind === 'eventstoredb' || kind === 'postgres') {
    throw new ConfigurationError([{ variable: '--db', problem: `names a SQLite file, but FUNDLEDGER_STORE is ${kind}` }]);
  }
  return loadStoreConfig({ ...env, FUNDLEDGER_DB: options.db });
};

export interface CliConfig {
  readonly store: EventStoreConfig;
  readonly signingKey: SigningKeySource;
}

/** The checkpoint signing key's place, checked against the database the CLI works on (`--db` included). */
export const loadCliSigningKeySource = (env: Environment, options: CliGlobalOptions): SigningKeySource => {
  const problems: ConfigurationProblem[] = [];
  const source = readSigningKeySource(options.db === undefined ? env : { ...env, FUNDLEDGER_DB: options.db }, problems);
  if (source === undefined) throw new ConfigurationError(problems);
  return source;
};

/** Reads `.env` (when present) under the process environment, as the API does, then validates. */
export const readCliConfig = async (options: CliGlobalOptions): Promise<CliConfig> => {
  let config: CliConfig | undefined;
  await ConfigModule.forRoot({
    validate: (env) => {
      config = { store: loadCliStoreConfig(env, options), signingKey: loadCliSigningKeySource(env, options) };
      return env;
    },
  });
  if (config === undefined) throw new Error('@nestjs/config did not run the validation');
  return config;
};
