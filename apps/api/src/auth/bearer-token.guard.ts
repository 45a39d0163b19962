import {
  AccessTokenRejected,
  AuthenticatedActor,
  BearerTokenVerifier,
  Permission,
  mayPerform,
} from '@fundledger/access';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import type { AuthenticatedRequest } from './authenticated-request';
import { AuthFailureLimiter } from '../edge/rate-limits';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

/** RFC 6750 §2.1: the scheme is case-insensitive, the token is base64url-ish characters. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Every route needs a valid bearer token unless it is @Public(), and then the permission its
 * @RequirePermission() names. A route that names none is refused to every role, so a forgotten
 * decorator fails closed rather than open.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: BearerTokenVerifier,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<ServerResponse>();
    this.failures.refuseIfBlocked(request, response);
    let actor: AuthenticatedActor;
    try {
      actor = await this.authenticate(request, response);
    } catch (error) {
      if (error instanceof UnauthorizedException) await this.failures.recordFailure(request, response);
      throw error;
    }
    request.actor = actor;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission === undefined) {
      throw new ForbiddenException('this route declares no permission, so it is refused to every role');
    }
    if (!mayPerform(actor.role, permission)) throw new ForbiddenException(`role ${actor.role} may not ${permission}`);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, response: ServerResponse): Promise<AuthenticatedActor> {
    const refuse = (message: string, invalidToken: boolean): never => {
      response.setHeader('WWW-Authenticate', `Bearer realm="fundledger"${invalidToken ? ', error="invalid_token"' : ''}`);
      throw new UnauthorizedException(message);
    };
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') {
      return refuse('bearer token required: send Authorization: Bearer <token>', false);
    }
    const match = BEARER.exec(header.trim());
    if (match === null) {
      return refuse(
        /^Bearer\b/i.test(header.trim()) ? 'bearer token is malformed' : 'Authorization header must use the Bearer scheme',
        true,
      );
    }
    try {
      return await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof AccessTokenRejected) return refuse(error.message, true);
      throw error;
    }
  }
}
