import { IdentityProviderUnavailable } from '@fundledger/access';
import { AuditError } from '@fundledger/audit';
import { InvalidCalendarValueError } from '@fundledger/calendar';
import {
  CommandIdReusedError,
  ConcurrencyConflictError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '@fundledger/event-store';
import { FundingError, InvalidCommand, type FundingErrorKind } from '@fundledger/funding';
import { InvalidAmountError } from '@fundledger/money';
import { HttpException } from '@nestjs/common';
import { codeOfStatus, errorResponse, type ErrorResponse } from './error-body';
import { MalformedJsonBody } from './malformed-json-body';
import { RequestRefused } from './request-refused.error';

const STATUS_OF_KIND: Readonly<Record<FundingErrorKind, number>> = {
  'invalid-command': 400,
  'not-found': 404,
  'already-exists': 409,
  'ledger-rule': 422,
};

const fundingError = (error: FundingError): ErrorResponse =>
  errorResponse(
    STATUS_OF_KIND[error.kind],
    error.code,
    error.message,
    error instanceof InvalidCommand ? error.fields : error.details,
  );

/** A field error of @fundledger/money or /calendar that reached the transport outside a command parser. */
const valueError = (error: InvalidAmountError | InvalidCalendarValueError): ErrorResponse =>
  errorResponse(400, error.code, error.message, [{ field: error.field, message: error.message }]);

const conflict = (error: CommandIdReusedError | ConcurrencyConflictError | WrongExpectedRevisionError): ErrorResponse => {
  if (error instanceof CommandIdReusedError) {
    return errorResponse(409, error.code, error.message, { commandId: error.commandId });
  }
  if (error instanceof ConcurrencyConflictError) {
    return errorResponse(409, error.code, error.message, { stream: error.stream, attempts: String(error.attempts) });
  }
  const revision = (value: bigint | string): string => value.toString();
  return errorResponse(409, error.code, error.message, {
    stream: error.stream,
    expected: revision(error.expected),
    actual: revision(error.actual),
  });
};

/** Nest's own exceptions: the guard's 401/403 (their messages kept), validation 400s, unknown routes. */
const httpException = (exception: HttpException): ErrorResponse => {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  // class-validator's ValidationPipe answers every failed constraint as a list of messages.
  if (Array.isArray(message)) {
    const messages = message.map(String);
    return errorResponse(status, 'INVALID_REQUEST', `invalid request: ${messages.join('; ')}`, messages);
  }
  const text = typeof message === 'string' && message !== '' ? message : exception.message;
  if (status === 404 && text.startsWith('Cannot ')) return errorResponse(404, 'ROUTE_NOT_FOUND', text);
  return errorResponse(status, codeOfStatus(status), text);
};

interface ExposedHttpError {
  readonly status: number;
  readonly expose: true;
  readonly message: string;
}

/**
 * Errors of the http-errors convention that Express middleware raises for the client's own mistakes
 * (a body too large, an unsupported charset): `expose` says the message is meant for the client.
 */
const isExposedClientError = (error: unknown): error is ExposedHttpError => {
  const candidate = error as Partial<ExposedHttpError> | null;
  return (
    error instanceof Error &&
    candidate?.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
};

/**
 * The response for every error the API knows how to explain, or undefined for an unexpected one,
 * which the filter answers as a generic 500 and logs (its message may hold internals).
 */
export const classifyError = (error: unknown): ErrorResponse | undefined => {
  if (error instanceof FundingError) return fundingError(error);
  if (error instanceof InvalidAmountError || error instanceof InvalidCalendarValueError) return valueError(error);
  if (error instanceof AuditError) return errorResponse(error.kind === 'invalid' ? 400 : 409, error.code, error.message, error.details);
  if (error instanceof RequestRefused) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof MalformedJsonBody) return errorResponse(400, 'MALFORMED_JSON', error.message);
  if (
    error instanceof CommandIdReusedError ||
    error instanceof ConcurrencyConflictError ||
    error instanceof WrongExpectedRevisionError
  ) {
    return conflict(error);
  }
  if (error instanceof EventStoreUnavailableError) {
    // The store's own message may name files or hosts; the operator finds it in the log. Whether the
    // write landed is unknown, and the command id makes the retry safe either way.
    return errorResponse(503, error.code, 'the event store is unavailable; retry later with the same commandId (a retry never records twice)');
  }
  if (error instanceof IdentityProviderUnavailable) {
    // Which host failed, and how, is for the operator's log; the caller can only retry.
    return errorResponse(503, error.code, 'the identity provider could not be reached to check the bearer token; retry later');
  }
  if (error instanceof HttpException) return httpException(error);
  if (isExposedClientError(error)) return errorResponse(error.status, codeOfStatus(error.status), error.message);
  return undefined;
};
