import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { ConfigurationError, createPrivateFileOnce } from '@fundledger/event-store';
import { MIN_SECRET_LENGTH, SigningSecretSource } from './signing-secret.config';

const SECRET_BYTES = 48;

const freshSecret = (): string => randomBytes(SECRET_BYTES).toString('base64');

let processSecret: string | undefined;

const readSecretFile = (path: string): string | undefined => {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = content.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError([
      {
        variable: path,
        problem:
          `must hold a secret of at least ${MIN_SECRET_LENGTH} characters, holds ${secret.length}; ` +
          'delete it to have a new one created (tokens signed with the old one then stop working)',
      },
    ]);
  }
  return secret;
};

const createSecretFile = (path: string, secret: string = freshSecret()): void => createPrivateFileOnce(path, `${secret}\n`);

/**
 * A secret an older version left beside the database moves to the configuration directory, so that
 * tokens already issued keep working while the database directory stops holding a key to the books.
 * When both exist the one beside the database is ignored, and the warning says to delete it.
 */
const migrateLegacySecret = (path: string, legacyPath: string | undefined, warn: (message: string) => void): void => {
  if (legacyPath === undefined || legacyPath === path || !existsSync(legacyPath)) return;
  if (existsSync(path)) {
    warn(`ignoring the signing secret ${legacyPath} beside the database (the secret is ${path}); delete it: whoever can read it can mint tokens`);
    return;
  }
  const secret = readSecretFile(legacyPath);
  if (secret === undefined) return;
  createSecretFile(path, secret);
  unlinkSync(legacyPath);
  warn(`moved the signing secret from ${legacyPath} (beside the database) to ${path}; tokens already issued still work`);
};

/** The secret itself, creating the secret file (0600, 48 random bytes in base64) on first use. */
export const loadSigningSecret = (source: SigningSecretSource, warn: (message: string) => void = () => undefined): string => {
  switch (source.kind) {
    case 'configured':
      return source.secret;
    case 'ephemeral':
      processSecret ??= freshSecret();
      return processSecret;
    case 'file': {
      migrateLegacySecret(source.path, source.legacyPath, warn);
      const existing = readSecretFile(source.path);
      if (existing !== undefined) return existing;
      createPrivateFileOnce(source.path, `${freshSecret()}\n`);
      const created = readSecretFile(source.path);
      if (created === undefined) throw new Error(`the signing secret file ${source.path} vanished as it was created`);
      return created;
    }
    default: {
      const unknown: never = source;
      throw new Error(`unknown signing secret source ${JSON.stringify(unknown)}`);
    }
  }
};
