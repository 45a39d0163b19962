import { IdentityProviderUnavailable, OidcSignInClient, OidcSignInFailed } from '@fundledger/access';
import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { ApiConfig } from '../config/api.config';
import { callbackUrl, OIDC_SIGN_IN } from './oidc-sign-in.provider';
import { PageRenderer } from './page-renderer.service';
import { cookieValue } from './page-session';
import { PendingSignIns } from './pending-sign-ins';
import { safeNext } from './sign-in.controller';

const PENDING_COOKIE = 'fundledger_oidc';

/** A query parameter as the one string it must be; repeated or missing, undefined. */
const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Sign-in through the organisation's OpenID Connect provider (authorization code with PKCE): the
 * browser is sent to the provider with a state, a nonce and a code challenge kept here, and comes back
 * to the callback, which redeems the code, checks the ID token with the API's own verifier and starts
 * a page session with the role and organisations its claims give. Any failure is a page that names it,
 * and signs nobody in.
 */
@ApiExcludeController()
@Public()
@Controller('app/sign-in')
export class OidcSignInController {
  private readonly logger = new Logger(OidcSignInController.name);

  constructor(
    private readonly pages: PageRenderer,
    private readonly pending: PendingSignIns,
    private readonly config: ConfigService<ApiConfig, true>,
    @Inject(OIDC_SIGN_IN) private readonly client: OidcSignInClient | null,
  ) {}

  @Get('oidc')
  async begin(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.client === null) return this.failed(response, 'SIGN_IN_NOT_CONFIGURED', 'Sign-in through an identity provider is not configured for this service', 404);
    try {
      const { url, pending } = await this.client.begin(callbackUrl(request, this.config));
      const key = this.pending.keep({ ...pending, next: safeNext(request.query.next) });
      response.setHeader('Set-Cookie', this.pendingCookie(request, key));
      response.redirect(303, url);
    } catch (error) {
      this.explain(error, response);
    }
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    // Taken whatever follows: one answer from the provider, one attempt.
    const pending = this.pending.take(cookieValue(request.headers.cookie, PENDING_COOKIE));
    response.setHeader('Set-Cookie', this.pendingCookie(request, undefined));
    if (this.client === null) return this.failed(response, 'SIGN_IN_NOT_CONFIGURED', 'Sign-in through an identity provider is not configured for this service', 404);
    if (pending === undefined) {
      return this.explain(
        new OidcSignInFailed('SIGN_IN_NOT_STARTED', 'This answer from the identity provider matches no sign-in in progress in this browser: it was already used, took longer than ten minutes, or was started elsewhere'),
        response,
      );
    }
    const query = request.query;
    const callback = { code: single(query.code), state: single(query.state), iss: single(query.iss), error: single(query.error), error_description: single(query.error_description) };
    try {
      const actor = await this.client.complete(callback, pending);
      const { cookie } = this.pages.sessions.start(actor, 'provider');
      response.setHeader('Set-Cookie', [this.pendingCookie(request, undefined), this.pages.sessions.setCookieHeader(request, cookie)]);
      response.redirect(303, pending.next);
    } catch (error) {
      this.explain(error, response);
    }
  }

  /** A failure the sign-in can meet, as a page: the provider unreachable (503) or a refusal (400); anything else is a fault. */
  private explain(error: unknown, response: Response): void {
    // Operators see forged or replayed answers and an unreachable provider; never a code or token.
    if (error instanceof IdentityProviderUnavailable || error instanceof OidcSignInFailed) this.logger.warn(`page sign-in through the provider failed: ${error.code}: ${error.message}`);
    if (error instanceof IdentityProviderUnavailable) return this.failed(response, error.code, `${error.message}. Nothing was signed in; try again in a few minutes.`, 503);
    if (error instanceof OidcSignInFailed) return this.failed(response, error.code, error.message, error.code === 'SIGN_IN_PROVIDER_UNSUITABLE' ? 502 : 400);
    throw error;
  }

  private failed(response: Response, code: string, message: string, status: number): void {
    this.pages.render(response, 'sign-in-failed.njk', { title: 'You are not signed in', errors: [{ text: `${message} (${code})`, href: '#try-again' }] }, undefined, status);
  }

  /** Path /app/sign-in only; SameSite=Lax, as the provider's redirect back is a navigation from its own site. */
  private pendingCookie(request: Request, key: string | undefined): string {
    const secure = request.secure ? '; Secure' : '';
    return `${PENDING_COOKIE}=${key ?? ''}; Path=/app/sign-in; HttpOnly; SameSite=Lax; Max-Age=${key === undefined ? 0 : 600}${secure}`;
  }
}
