/** The stream kept moving under the command for every attempt allowed; the client may retry. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(readonly stream: string, readonly attempts: number) {
    super(`stream ${stream} changed during each of ${attempts} attempts to apply the command; retry it`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** A command id seen before with a different body (or on another stream): a client bug, never a retry. */
export class CommandIdReusedError extends Error {
  readonly code = 'COMMAND_ID_REUSED';

  constructor(readonly commandId: string, detail: string) {
    super(`commandId ${commandId} was already used for a different command: ${detail}`);
    this.name = 'CommandIdReusedError';
  }
}
