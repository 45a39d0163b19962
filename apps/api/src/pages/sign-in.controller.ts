import { randomBytes } from 'node:crypto';
import { ROLES } from '@fundledger/access';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { ApiConfig } from '../config/api.config';
import { formOf } from './page-request';
import { PageRenderer } from './page-renderer.service';
import { localActor } from './page-session';

const SIGN_IN_COOKIE = 'fundledger_signin';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Only a path of these pages may be returned to after signing in, never another site. */
const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/app(\/[\w\-./?=&%]*)?$/.test(next) ? next : '/app/awards');

/**
 * Local sign-in: a person on this machine picks a name, role and organisation. Offered only while the
 * service listens on loopback, where whoever reaches it is already on the machine (and could mint a
 * token with the CLI anyway); on any other address it is off and the page says so.
 */
@ApiExcludeController()
@Public()
@Controller('app')
export class SignInController {
  private readonly localSignIn: boolean;

  constructor(
    private readonly pages: PageRenderer,
    config: ConfigService<ApiConfig, true>,
  ) {
    this.localSignIn = LOOPBACK.test(config.get('edge', { infer: true }).host);
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
    if (!this.localSignIn) return this.show(request, response, form, [{ text: 'Local sign-in is off: this service listens beyond this machine' }], 403);
    if (expected === undefined || form.csrf !== expected) {
      return this.show(request, response, form, [{ text: 'The sign-in form expired; it has been reloaded: sign in again' }], 403);
    }
    const actor = localActor(form);
    if ('problems' in actor) return this.show(request, response, form, actor.problems.map((p) => ({ text: p.message, href: `#${p.field}` })), 400);
    const { cookie } = this.pages.sessions.start(actor);
    response.setHeader('Set-Cookie', [this.pages.sessions.setCookieHeader(request, cookie), `${SIGN_IN_COOKIE}=; Path=/app; HttpOnly; SameSite=Lax; Max-Age=0`]);
    response.redirect(303, safeNext(form.next));
  }

  @Post('sign-out')
  signOut(@Req() request: Request, @Res() response: Response): void {
    const session = this.pages.sessions.read(request);
    if (session !== undefined && formOf(request).csrf === session.csrf) {
      response.setHeader('Set-Cookie', this.pages.sessions.setCookieHeader(request, undefined));
    }
    response.redirect(303, '/app/sign-in');
  }

  private show(request: Request, response: Response, form: Record<string, string>, errors: Array<{ text: string; href?: string }>, status = 200): void {
    const token = randomBytes(18).toString('base64url');
    const secure = request.secure ? '; Secure' : '';
    response.setHeader('Set-Cookie', `${SIGN_IN_COOKIE}=${token}; Path=/app; HttpOnly; SameSite=Strict; Max-Age=3600${secure}`);
    this.pages.render(
      response,
      'sign-in.njk',
      { title: 'Sign in', localSignIn: this.localSignIn, roles: ROLES, form, errors, signInToken: token, next: safeNext(form.next ?? request.query.next) },
      undefined,
      status,
    );
  }
}
