import { ReadModelBehindError, ReadModelError, ReadModelStoppedError } from '@fundledger/projections';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorResponse } from '../errors/error-body';

const STATUS_OF_KIND = { unavailable: 503, 'invalid-as-at': 400 } as const;

const detailsOf = (error: ReadModelError): Record<string, string> | undefined => {
  if (error instanceof ReadModelBehindError) return { position: error.position.toString(), minPosition: error.wanted.toString() };
  if (error instanceof ReadModelStoppedError) return { position: error.position.toString() };
  return undefined;
};

/**
 * The read side's refusals in the API's one error shape: a read model that has not caught up (or has
 * stopped) is 503 with Retry-After, an as-at beyond the log is 400. Scoped to the query controllers;
 * every other error reaches the global DomainErrorFilter.
 */
@Catch(ReadModelError)
export class ReadModelErrorFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: ReadModelError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<unknown>();
    const { httpAdapter } = this.adapterHost;
    const answer = errorResponse(STATUS_OF_KIND[error.kind], error.code, error.message, detailsOf(error));
    if (error instanceof ReadModelBehindError) httpAdapter.setHeader(response, 'Retry-After', '1');
    httpAdapter.reply(response, answer.body, answer.status);
  }
}
