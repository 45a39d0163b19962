import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type nunjucks from 'nunjucks';
import { nonceOf, type SignedIn } from './page-request';
import { PageSessions } from './page-session';
import { pageViews } from './page-views';

/** Renders a page with what every page shows (who is signed in, the sign-out form's CSRF token, the CSP nonce). */
@Injectable()
export class PageRenderer {
  private readonly views: nunjucks.Environment = pageViews();

  constructor(readonly sessions: PageSessions) {}

  render(response: Response, view: string, context: Record<string, unknown>, signedIn?: SignedIn, status = 200): void {
    const html = this.views.render(view, {
      ...context,
      actor: signedIn?.actor,
      csrf: signedIn?.session.csrf,
      cspNonce: nonceOf(response),
    });
    response.status(status).type('html').send(html);
  }

  /** The session of the request, or a redirect to sign in (the page asked for comes back after). */
  signedIn(request: Request, response: Response): SignedIn | undefined {
    const session = this.sessions.read(request);
    if (session !== undefined) return { actor: session.actor, session };
    response.redirect(303, `/app/sign-in?next=${encodeURIComponent(request.originalUrl)}`);
    return undefined;
  }

  /** A form of this session: its CSRF token must match, or nothing it asks for is done. */
  formAllowed(signedIn: SignedIn, form: Record<string, string>, response: Response): boolean {
    if (form.csrf === signedIn.session.csrf) return true;
    this.render(response, 'refused.njk', { title: 'This form has expired', message: 'The form was not sent from this session (its security token did not match), so nothing was recorded. Go back, reload the page and send it again.' }, signedIn, 403);
    return false;
  }
}
