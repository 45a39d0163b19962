/**
 * Why the read side cannot answer. Each has a stable `code` and a `kind` that the transport maps to a
 * status (unavailable 503, invalid-as-at 400); no HTTP type lives in a library.
 */
export type ReadModelErrorKind = 'unavailable' | 'invalid-as-at';

export abstract class ReadModelError extends Error {
  abstract readonly kind: ReadModelErrorKind;
  abstract readonly code: string;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A query asked for a position the persisted read model has not folded yet, and waiting did not help. */
export class ReadModelBehindError extends ReadModelError {
  readonly kind = 'unavailable' as const;
  readonly code = 'READ_MODEL_BEHIND';

  constructor(
    readonly position: bigint,
    readonly wanted: bigint,
    readonly waitedMs: number,
  ) {
    super(`read model at position ${position} has not reached ${wanted} yet (waited ${waitedMs} ms); retry, or ask with ?position=${wanted}`);
  }
}

/** The projection stopped on an event it could not apply; it never skips one, so it answers nothing current. */
export class ReadModelStoppedError extends ReadModelError {
  readonly kind = 'unavailable' as const;
  readonly code = 'READ_MODEL_STOPPED';

  constructor(
    readonly position: bigint,
    readonly reason: string,
  ) {
    super(`read model stopped at position ${position}: ${reason}; answers as at a position or time still fold the log`);
  }
}

/** An as-at that lies beyond what the log has recorded: its answer could still change, so none is given. */
export class AsAtNotRecordedError extends ReadModelError {
  readonly kind = 'invalid-as-at' as const;
  readonly code = 'AS_AT_NOT_RECORDED_YET';

  constructor(message: string) {
    super(message);
  }
}

/** The axes a report was asked to be read at do not make one point: malformed, contradictory or to come. */
export class InvalidReadPointError extends ReadModelError {
  readonly kind = 'invalid-as-at' as const;
  readonly code = 'INVALID_READ_POINT';

  constructor(message: string) {
    super(message);
  }
}
