import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates a secret file (mode 0600, and its directory if missing) unless it exists. Written under a
 * private name and then linked into place: linking fails if the file exists, so when the API and the
 * CLI start together one secret wins and neither ever reads a half-written file.
 */
export const createPrivateFileOnce = (path: string, contents: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(draft, contents, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
};
