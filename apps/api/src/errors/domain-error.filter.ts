import { ArgumentsHost, Catch, ExceptionFilter, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorResponse, type ErrorResponse } from './error-body';
import { classifyError } from './error-classification';

interface RequestWithId {
  readonly id?: unknown;
  readonly method?: string;
  readonly url?: string;
}

/** Terminus answers a failed /health with its report; probes read that report, so it is not reshaped. */
const healthReport = (exception: unknown): object | undefined => {
  if (!(exception instanceof ServiceUnavailableException)) return undefined;
  const report = exception.getResponse();
  return typeof report === 'object' && report !== null && 'status' in report && 'details' in report ? report : undefined;
};

/**
 * Every error leaves the API in one shape, `{ statusCode, error, code, message, details? }`
 * (DESIGN §6): domain refusals by kind (400/404/409/422), bad input 400, auth 401/403, conflicts
 * 409, an unavailable store 503. Anything else is a 500 whose message names only the request id;
 * the error and its stack go to the log, never to the client.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestWithId>();
    const response = http.getResponse<unknown>();
    const { httpAdapter } = this.adapterHost;

    const report = healthReport(exception);
    if (report !== undefined) return httpAdapter.reply(response, report, 503);

    const answer = classifyError(exception) ?? this.unexpected(request);
    if (answer.status >= 500) this.logServerError(exception, request, answer);
    // A response already under way (a stream that failed midway) can only be cut short, not answered.
    if (httpAdapter.isHeadersSent(response)) return httpAdapter.end(response);
    httpAdapter.reply(response, answer.body, answer.status);
  }

  private unexpected(request: RequestWithId): ErrorResponse {
    const reference = typeof request.id === 'string' || typeof request.id === 'number' ? ` (request ${request.id})` : '';
    return errorResponse(500, 'INTERNAL_ERROR', `an unexpected error occurred${reference}; it has been logged`);
  }

  private logServerError(exception: unknown, request: RequestWithId, answer: ErrorResponse): void {
    const what = `${request.method ?? '?'} ${request.url ?? '?'} answered ${answer.status} ${answer.body.code}`;
    if (exception instanceof Error) {
      this.logger.error(`${what}: ${exception.name}: ${exception.message}`, exception.stack);
    } else {
      this.logger.error(`${what}: ${String(exception)}`);
    }
  }
}
