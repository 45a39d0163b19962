import {
  ConfigurationError,
  Environment,
  EventStoreConfig,
  loadStoreConfig,
  readVariable,
} from '@fundledger/event-store';
import { ConfigModule } from '@nestjs/config';

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

/** Reads `.env` (when present) under the process environment, as the API does, then validates. */
export const readCliStoreConfig = async (options: CliGlobalOptions): Promise<EventStoreConfig> => {
  let config: EventStoreConfig | undefined;
  await ConfigModule.forRoot({
    validate: (env) => {
      config = loadCliStoreConfig(env, options);
      return env;
    },
  });
  if (config === undefined) throw new Error('@nestjs/config did not run the validation');
  return config;
};
