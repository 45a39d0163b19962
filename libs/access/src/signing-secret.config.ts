import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  ConfigurationError,
  ConfigurationProblem,
  DEFAULT_SQLITE_PATH,
  Environment,
  readVariable,
} from '@fundledger/event-store';

export const JWT_SECRET_VARIABLE = 'FUNDLEDGER_JWT_SECRET';
/** 32 characters: below that an HS256 secret can be guessed offline from any one token. */
export const MIN_SECRET_LENGTH = 32;
export const SECRET_FILE_NAME = 'jwt-secret';

/**
 * Where the token signing secret comes from: the environment when an operator sets one; otherwise a
 * file in the user's configuration directory (the API and the CLI find the same one), never beside
 * the database, where whoever can read the books could mint a token; for an in-memory store, a secret
 * that lives as long as the process, since nothing else it signs for outlives it either. `legacyPath`
 * is where older versions kept it, beside the database: found there, it is moved.
 */
export type SigningSecretSource =
  | { readonly kind: 'configured'; readonly secret: string }
  | { readonly kind: 'file'; readonly path: string; readonly legacyPath?: string }
  | { readonly kind: 'ephemeral' };

/** `$XDG_CONFIG_HOME/fundledger`, or `~/.config/fundledger` (XDG Base Directory specification). */
export const configDirectory = (env: Environment): string => {
  const xdg = readVariable(env, 'XDG_CONFIG_HOME');
  return join(xdg !== undefined ? resolve(xdg) : join(readVariable(env, 'HOME') ?? homedir(), '.config'), 'fundledger');
};

/**
 * Reports problems instead of throwing, so the API's configuration can name every bad variable at
 * once. The data directory is FUNDLEDGER_DB's, whichever store is selected, so switching stores keeps
 * the tokens already issued valid.
 */
export const readSigningSecretSource = (
  env: Environment,
  problems: ConfigurationProblem[],
): SigningSecretSource | undefined => {
  const secret = readVariable(env, JWT_SECRET_VARIABLE);
  if (secret !== undefined) {
    if (secret.length >= MIN_SECRET_LENGTH) return { kind: 'configured', secret };
    // The length only: the value itself never reaches a log.
    problems.push({
      variable: JWT_SECRET_VARIABLE,
      problem: `must be at least ${MIN_SECRET_LENGTH} characters, got ${secret.length}; unset it to use the secret file in the configuration directory`,
    });
    return undefined;
  }
  const db = readVariable(env, 'FUNDLEDGER_DB') ?? DEFAULT_SQLITE_PATH;
  if (db === ':memory:') return { kind: 'ephemeral' };
  return { kind: 'file', path: join(configDirectory(env), SECRET_FILE_NAME), legacyPath: join(dirname(resolve(db)), SECRET_FILE_NAME) };
};

export const loadSigningSecretSource = (env: Environment): SigningSecretSource => {
  const problems: ConfigurationProblem[] = [];
  const source = readSigningSecretSource(env, problems);
  if (source === undefined) throw new ConfigurationError(problems);
  return source;
};

/** For a start-up log line: where the secret is, never what it is. */
export const describeSigningSecretSource = (source: SigningSecretSource): string => {
  switch (source.kind) {
    case 'configured':
      return JWT_SECRET_VARIABLE;
    case 'file':
      return source.path;
    case 'ephemeral':
      return 'a secret held in memory for this process only (the store is :memory:)';
    default: {
      const unknown: never = source;
      throw new Error(`unknown signing secret source ${JSON.stringify(unknown)}`);
    }
  }
};
