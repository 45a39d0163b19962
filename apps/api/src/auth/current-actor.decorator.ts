import type { AuthenticatedActor } from '@fundledger/access';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';

/** The `{ id, role }` the bearer token names: what a command records as its actor. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedActor => {
  const { actor } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  // Only a @Public() route reaches a handler without one, and such a route has no actor to record.
  if (actor === undefined) throw new Error('@CurrentActor() is used on a route that takes no bearer token');
  return actor;
});
