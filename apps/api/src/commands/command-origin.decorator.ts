import type { AuthenticatedActor } from '@fundledger/access';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { CommandOrigin as Origin } from './command-request';

interface CommandHttpRequest {
  readonly headers: IncomingHttpHeaders;
  /** Set by pino-http (genReqId in app.module.ts). */
  readonly id?: unknown;
  readonly actor?: AuthenticatedActor;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** The actor the bearer token names and the headers that identify the command; checked by commandRequest. */
export const CommandOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): Origin => {
  const request = context.switchToHttp().getRequest<CommandHttpRequest>();
  // Only a @Public() route reaches a handler without an actor, and no command route is public.
  if (request.actor === undefined) throw new Error('@CommandOrigin() is used on a route that takes no bearer token');
  return {
    actor: request.actor,
    idempotencyKey: header(request.headers, 'idempotency-key'),
    correlationHeader: header(request.headers, 'x-correlation-id'),
    requestId: String(request.id ?? ''),
  };
});
