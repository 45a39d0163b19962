import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';

/** The configuration directory a spec gives the service (XDG_CONFIG_HOME), inside its own temporary directory. */
export const configHomeIn = (directory: string): string => join(directory, 'config');

/** Tokens signed with the secret the service made for itself on first start, as `cli token` would read it. */
export const localTokensIn = (directory: string): AccessTokenService =>
  new AccessTokenService(readFileSync(join(configHomeIn(directory), 'fundledger', 'jwt-secret'), 'utf8').trim());
