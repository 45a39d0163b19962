import { STATUS_CODES } from 'node:http';

/**
 * The one shape of every error the API answers (DESIGN §6): the HTTP status and its name, a stable
 * machine-readable `code`, a sentence for people, and the figures, ids or field errors that explain it.
 */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
}

export const errorResponse = (status: number, code: string, message: string, details?: unknown): ErrorResponse => ({
  status,
  body: {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    code,
    message,
    ...(details === undefined ? {} : { details }),
  },
});

/** `Payload Too Large` -> `PAYLOAD_TOO_LARGE`: the code of an error that only its status describes. */
export const codeOfStatus = (status: number): string =>
  (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
