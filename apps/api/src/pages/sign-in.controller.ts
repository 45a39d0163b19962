import { randomBytes } from 'node:crypto';
import { ROLES, type OidcSignInClient } from '@fundledger/access';
import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { ApiConfig } from '../config/api.config';
import { formOf } from './page-request';
import { PageRenderer } from './page-renderer.service';
import { localActor } from './page-session';
import { OIDC_SIGN_IN, callbackUrl } from './oidc-sign-in.provider';
import { signInModes, type SignInModes } from './sign-in-modes';

const SIGN_IN_COOKIE = 'fundledger_signin';

/** Only a path of these pages may be returned to after signing in, never another site. */
export const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/app(\/[\w\-./?=&%]*)?$/.test(next) ? next : '/app/awards');

/**
 * The sign-in page, which says which sign-in is in force and why, local sign-in and sign-out. Local
 * sign-in (a person on this machine picks a name, role and organisation) is offered only while the
 * service listens on loopback, where whoever reaches it is already on the machine (and could mint a
 * token with the CLI anyway), and beside a configured provider only when asked for (sign-in-modes.ts).
 * The provider's own sign-in is oidc-sign-in.controller.ts.
 */
@ApiExcludeController()
@Public()
@Controller('app')
export class SignInController {
  private readonly modes: SignInModes;

  constructor(
    private readonly pages: PageRenderer,
    private readonly config: ConfigService<ApiConfig, true>,
    @Inject(OIDC_SIGN_IN) private readonly provider: OidcSignInClient | null,
  ) {
    this.modes = signInModes(config.get('edge', { infer: true }).host, config.get('auth', { infer: true }));
  }

  @Get()
  home(@Res() response: Response): void {
    response.redirect(303, '/app/awards');
  }

  @Get('sign-in')
  form(@Req() request: Request, @Res() response: Response): void {
    this.show(request, response, {}, []);
  }

  @Post('sign-in')
  signIn(@Req() request: Request, @Res() response: Response): void {
    const form = formOf(request);
    const expected = /(?:^|;\s*)fundledger_signin=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!this.modes.local.on) return this.show(request, response, form, [{ text: this.modes.local.why }], 403);
    if (expected === undefined || form.csrf !== expected) {
      return this.show(request, response, form, [{ text: 'The sign-in form expired; it has been reloaded: sign in again' }], 403);
    }
    const actor = localActor(form);
    if ('problems' in actor) return this.show(request, response, form, actor.problems.map((p) => ({ text: p.message, href: `#${p.field}` })), 400);
    const { cookie } = this.pages.sessions.start(actor);
    response.setHeader('Set-Cookie', [this.pages.sessions.setCookieHeader(request, cookie), `${SIGN_IN_COOKIE}=; Path=/app; HttpOnly; SameSite=Lax; Max-Age=0`]);
    response.redirect(303, safeNext(form.next));
  }

  /** Ends the page session and, for a sign-in through the provider, the provider's session too when it offers a sign-out page. */
  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = this.pages.sessions.read(request);
    if (session === undefined || formOf(request).csrf !== session.csrf) return response.redirect(303, '/app/sign-in');
    response.setHeader('Set-Cookie', this.pages.sessions.setCookieHeader(request, undefined));
    const signInPage = callbackUrl(request, this.config).replace(/\/callback$/, '');
    const providerSignOut = session.signedInWith === 'provider' ? await this.provider?.endSessionUrl(signInPage).catch(() => undefined) : undefined;
    // Signed out here whatever the provider says: an unreachable provider must not keep a session open.
    response.redirect(303, providerSignOut ?? '/app/sign-in?signedOut=1');
  }

  private show(request: Request, response: Response, form: Record<string, string>, errors: Array<{ text: string; href?: string }>, status = 200): void {
    const token = randomBytes(18).toString('base64url');
    const secure = request.secure ? '; Secure' : '';
    // The local form's own CSRF token; with local sign-in off there is no form to protect.
    if (this.modes.local.on) response.setHeader('Set-Cookie', `${SIGN_IN_COOKIE}=${token}; Path=/app; HttpOnly; SameSite=Strict; Max-Age=3600${secure}`);
    this.pages.render(
      response,
      'sign-in.njk',
      {
        title: 'Sign in',
        modes: this.modes,
        signedOut: request.query.signedOut === '1',
        roles: ROLES,
        form,
        errors,
        signInToken: token,
        next: safeNext(form.next ?? request.query.next),
      },
      undefined,
      status,
    );
  }
}
