import { mayCreateFor } from '@fundledger/access';
import { NotFound } from '@fundledger/funding';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { RequestRefused } from '../errors/request-refused.error';
import { OrganisationScope } from './organisation-scope.service';

/** The body field naming the organisation a creating command acts for: `funder` or `recipient`. */
export type CreatesFor = 'funder' | 'recipient';

const CREATES_FOR = 'fundledger:creates-for';

/** On a command that creates a stream: whose it will be, read from the body (see CommandScopeGuard). */
export const CreatesFor = (party: CreatesFor) => SetMetadata(CREATES_FOR, party);

interface CommandRequest extends AuthenticatedRequest {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

const organisationIn = (body: unknown, party: CreatesFor): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, { id?: unknown } | undefined>)[party]?.id : undefined;

/**
 * Every command is scoped by organisation, after the token and the role are checked: a command on an
 * award needs the award's recipient among the caller's organisations (its funder's officers only
 * read), answered as an award never made otherwise; a command that creates a programme or an award
 * needs the funder or recipient it names to be the caller's own. A command that declares neither is
 * refused, so a new route fails closed.
 */
@Injectable()
export class CommandScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scope: OrganisationScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CommandRequest>();
    const { actor } = request;
    if (actor === undefined) throw new Error('CommandScopeGuard ran before the bearer token was checked');

    const party = this.reflector.get<CreatesFor | undefined>(CREATES_FOR, context.getHandler());
    if (party !== undefined) {
      const organisationId = organisationIn(request.body, party);
      // A missing or malformed id is the validator's to refuse, with the field named.
      if (typeof organisationId === 'string' && !mayCreateFor(actor, organisationId)) {
        throw new RequestRefused(
          403,
          'ORGANISATION_NOT_IN_SCOPE',
          `${party} ${organisationId} is not one of your organisations (${actor.orgs.join(', ')})`,
          { [party]: organisationId },
        );
      }
      return true;
    }

    const { awardId } = request.params;
    if (awardId === undefined) throw new ForbiddenException('this command declares no organisation scope, so it is refused');
    if (!(await this.scope.awardVisible(actor, awardId))) {
      throw new NotFound('AWARD_NOT_FOUND', `award ${awardId} has not been made`, { awardId });
    }
    return true;
  }
}
