import type { ExpectedRevision } from './event-store.port';

const describeRevision = (revision: ExpectedRevision | bigint): string =>
  typeof revision === 'bigint' ? revision.toString() : revision;

/** An append whose expected revision no longer matches the stream: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `no_stream`. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `stream ${stream}: expected revision ${describeRevision(expected)}, but the stream is at ${describeRevision(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An append that reuses an event id already recorded elsewhere in the log. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';

  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`stream ${stream}: event id ${eventId} is already recorded at a different place in the log`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The store could not be reached or answered with something other than a domain outcome. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE_UNAVAILABLE';

  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
