import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner only: the ledger, its read model and its secrets are public money's books and keys. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Creates a file's directory (0700) when it is missing; a directory that exists is the operator's and kept. */
export const ensurePrivateDirectory = (directory: string): void => {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
};

/**
 * Creates the file empty and 0600 when it does not exist yet, before SQLite opens it: SQLite then
 * gives its -wal and -shm files the database file's own mode. An existing file is left as it is.
 */
export const ensurePrivateFile = (path: string): void => {
  ensurePrivateDirectory(dirname(path));
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
};

/**
 * Creates a secret file (0600, its directory 0700 when missing) unless it exists. Written under a
 * private name and then linked into place: linking fails if the file exists, so when the API and the
 * CLI start together one secret wins and neither ever reads a half-written file.
 */
export const createPrivateFileOnce = (path: string, contents: string): void => {
  ensurePrivateDirectory(dirname(path));
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(draft, contents, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
};
