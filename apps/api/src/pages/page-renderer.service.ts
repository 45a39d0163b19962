import { awardInScope, mayPerform, rolesPermittedTo, type Permission } from '@fundledger/access';
import { LEDGER_READER, type AwardView, type LedgerReader } from '@fundledger/projections';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type nunjucks from 'nunjucks';
import { nonceOf, type SignedIn } from './page-request';
import { PageSessions } from './page-session';
import { pageViews } from './page-views';

/** Renders a page with what every page shows (who is signed in, the sign-out form's CSRF token, the CSP nonce). */
@Injectable()
export class PageRenderer {
  private readonly views: nunjucks.Environment = pageViews();

  constructor(
    readonly sessions: PageSessions,
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
  ) {}

  /**
   * A form on an award: signed in, a role holding the permission, and an award of one's own
   * organisation, or the refusal is rendered (403, or 404 as for an award never made) and undefined returned.
   */
  async awardForm(awardId: string, permission: Permission, request: Request, response: Response): Promise<(SignedIn & { view: AwardView }) | undefined> {
    const signedIn = this.signedIn(request, response);
    if (signedIn === undefined) return undefined;
    if (!mayPerform(signedIn.actor.role, permission)) {
      const who = rolesPermittedTo(permission).join(' or ');
      this.render(response, 'refused.njk', { title: 'Not your role', message: `Role ${signedIn.actor.role} may not ${permission}; ${who} may.` }, signedIn, 403);
      return undefined;
    }
    const view = (await this.reader.current()).award(awardId);
    if (view === undefined || !awardInScope(signedIn.actor, { funderId: view.award.funder.id, recipientId: view.award.recipient.id })) {
      this.render(response, 'refused.njk', { title: 'Award not shown', message: `award ${awardId} has not been made` }, signedIn, 404);
      return undefined;
    }
    return { ...signedIn, view };
  }

  today(): string {
    return this.reader.today();
  }

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
