import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@fundledger/event-store';
import { createPrivateFileOnce } from './private-file';
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

/** The secret itself, creating the secret file (0600, 48 random bytes in base64) on first use. */
export const loadSigningSecret = (source: SigningSecretSource): string => {
  switch (source.kind) {
    case 'configured':
      return source.secret;
    case 'ephemeral':
      processSecret ??= freshSecret();
      return processSecret;
    case 'file': {
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
