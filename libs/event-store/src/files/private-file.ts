import { closeSync, mkdirSync, openSync } from 'node:fs';
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
