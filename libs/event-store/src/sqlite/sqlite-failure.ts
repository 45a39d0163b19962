import Database from 'better-sqlite3';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';

export interface FailureContext {
  /** What the store was doing, e.g. `appending to stream award-1`. */
  readonly action: string;
  readonly path: string;
  readonly busyTimeoutMs: number;
}

// Matched by shape, not instanceof: the native addon keeps the SqliteError class (and Error) of the first
// module registry and realm that loaded it, so under jest (one of each per test file) instanceof misses.
const isSqliteError = (error: unknown): error is InstanceType<typeof Database.SqliteError> =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: unknown }).name === 'SqliteError' &&
  typeof (error as { code?: unknown }).code === 'string';

/** SQLite answered that another connection holds a lock it needs. */
export const isBusy = (error: unknown): boolean =>
  isSqliteError(error) && (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED'));

/**
 * Callers of the port see domain outcomes or EventStoreUnavailableError, never a raw SqliteError:
 * a handler can then retry a concurrency conflict and report everything else as the store being down.
 * Errors that are neither (a caller's bad argument) pass through unchanged.
 */
export const toStoreFailure = (error: unknown, context: FailureContext): Error => {
  if (
    error instanceof WrongExpectedRevisionError ||
    error instanceof DuplicateEventIdError ||
    error instanceof EventStoreUnavailableError
  ) {
    return error;
  }
  if (isSqliteError(error)) {
    if (isBusy(error)) {
      return new EventStoreUnavailableError(
        `event store ${context.path} is locked by another writer: gave up ${context.action} ` +
          `after the ${context.busyTimeoutMs} ms busy timeout (${error.code})`,
        error,
      );
    }
    return new EventStoreUnavailableError(
      `event store ${context.path} failed ${context.action}: ${error.code} ${error.message}`,
      error,
    );
  }
  const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message) : '';
  if (/database connection is not open/i.test(message)) {
    return closedStore(context);
  }
  return typeof error === 'object' && error !== null && 'message' in error ? (error as Error) : new Error(String(error));
};

export const closedStore = (context: Pick<FailureContext, 'action' | 'path'>): EventStoreUnavailableError =>
  new EventStoreUnavailableError(`event store ${context.path} is closed: cannot go on ${context.action}`);
