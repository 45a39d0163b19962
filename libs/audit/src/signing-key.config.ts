import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SQLITE_PATH, readVariable, type ConfigurationProblem, type Environment } from '@fundledger/event-store';

export const SIGNING_KEY_VARIABLE = 'FUNDLEDGER_SIGNING_KEY';
export const SIGNING_KEY_FILE_NAME = 'checkpoint-signing-key.pem';

/**
 * Where the checkpoint signing key lives. Never beside the database: whoever can rewrite the file must
 * not also hold the key that vouches for it. `configured`: the file FUNDLEDGER_SIGNING_KEY names, which
 * must exist (a typo must not quietly mint a new key). `default`: the user's configuration directory,
 * created on first use — fine on a desk, not in production.
 */
export type SigningKeySource =
  | { readonly kind: 'configured'; readonly path: string }
  | { readonly kind: 'default'; readonly path: string };

/** XDG_CONFIG_HOME, or ~/.config, then fundledger/. */
export const defaultSigningKeyPath = (env: Environment): string =>
  join(readVariable(env, 'XDG_CONFIG_HOME') ?? join(homedir(), '.config'), 'fundledger', SIGNING_KEY_FILE_NAME);

/** Reports problems instead of throwing, so a start-up names every bad variable at once. */
export const readSigningKeySource = (env: Environment, problems: ConfigurationProblem[]): SigningKeySource | undefined => {
  const configured = readVariable(env, SIGNING_KEY_VARIABLE);
  const source: SigningKeySource =
    configured === undefined ? { kind: 'default', path: defaultSigningKeyPath(env) } : { kind: 'configured', path: resolve(configured) };
  const db = readVariable(env, 'FUNDLEDGER_DB') ?? DEFAULT_SQLITE_PATH;
  if (db !== ':memory:' && dirname(source.path) === dirname(resolve(db))) {
    problems.push({
      variable: configured === undefined ? 'XDG_CONFIG_HOME' : SIGNING_KEY_VARIABLE,
      problem: `puts the checkpoint signing key ${source.path} in the database's directory; keep it where whoever holds the database cannot reach it`,
    });
    return undefined;
  }
  return source;
};

/** For the start-up log: where the key is, and what production should do about it. */
export const describeSigningKeySource = (source: SigningKeySource): string =>
  source.kind === 'configured'
    ? `checkpoints are signed with the key in ${source.path} (${SIGNING_KEY_VARIABLE})`
    : `checkpoints are signed with the key in ${source.path}, the user's configuration directory; ` +
      `set ${SIGNING_KEY_VARIABLE} to a key file kept apart from the database in production`;
