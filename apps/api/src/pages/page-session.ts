import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isRole, readOrganisationClaim, type AuthenticatedActor } from '@fundledger/access';

export const SESSION_COOKIE = 'fundledger_session';
/** A working day: a page session ends with the office day, as the local tokens' default lifetime does. */
const SESSION_SECONDS = 8 * 60 * 60;

export interface PageSession {
  readonly actor: AuthenticatedActor;
  /** The CSRF token every form of this session carries; a form posted without it is refused. */
  readonly csrf: string;
  readonly expiresAt: number;
  /** `provider`: signed in through the OpenID Connect provider, whose own session sign-out also ends. */
  readonly signedInWith: 'local' | 'provider';
}

interface CookieRequest {
  readonly headers: { readonly cookie?: string };
  readonly secure?: boolean;
}

export const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/**
 * Page sessions as a signed cookie: who signed in, their CSRF token and when it ends. The key is made
 * when the process starts and never stored, so a restart signs everyone out and nothing on disk can
 * forge a session.
 */
export class PageSessions {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  start(actor: AuthenticatedActor, signedInWith: PageSession['signedInWith'] = 'local'): { session: PageSession; cookie: string } {
    const session: PageSession = { actor, csrf: randomBytes(24).toString('base64url'), expiresAt: this.now() + SESSION_SECONDS * 1000, signedInWith };
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return { session, cookie: `${payload}.${this.sign(payload)}` };
  }

  /** The session the request's cookie carries, or undefined when it is missing, forged or over. */
  read(request: CookieRequest): PageSession | undefined {
    const value = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const [payload, signature] = value?.split('.') ?? [];
    if (payload === undefined || signature === undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PageSession;
    if (session.expiresAt <= this.now() || !isRole(session.actor.role)) return undefined;
    return session;
  }

  /**
   * HttpOnly and SameSite=Lax always; Secure whenever the request came over TLS. Lax, not Strict: a
   * sign-in through the provider ends in a redirect chain that began on the provider's site, and
   * browsers withhold Strict cookies from every request of such a chain, so the page landed on after
   * signing in would not see the session. Lax still keeps it off other sites' POSTs and embedded requests.
   */
  setCookieHeader(request: CookieRequest, cookie: string | undefined): string {
    const secure = request.secure === true ? '; Secure' : '';
    const lifetime = cookie === undefined ? 'Max-Age=0' : `Max-Age=${SESSION_SECONDS}`;
    return `${SESSION_COOKIE}=${cookie ?? ''}; Path=/app; HttpOnly; SameSite=Lax; ${lifetime}${secure}`;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** The local sign-in's choice of name, role and organisations, checked by the same rules as a token's claims. */
export const localActor = (form: Record<string, unknown>): AuthenticatedActor | { problems: Array<{ field: string; message: string }> } => {
  const problems: Array<{ field: string; message: string }> = [];
  const name = typeof form.name === 'string' ? form.name.trim() : '';
  if (!/^[\w.@ -]{1,64}$/.test(name)) problems.push({ field: 'name', message: 'Enter your name (letters, digits, spaces, . @ _ -; at most 64)' });
  const role = form.role;
  if (!isRole(role)) problems.push({ field: 'role', message: 'Select your role' });
  const orgs = typeof form.organisation === 'string' ? form.organisation.split(',').map((id) => id.trim()).filter((id) => id !== '') : [];
  // Without a role, whether any organisation was named is still worth saying in the same breath.
  const claim = isRole(role) ? readOrganisationClaim(orgs, role) : orgs.length === 0 ? { problem: 'names no organisation (org claim)' } : { orgs };
  if ('problem' in claim) problems.push({ field: 'organisation', message: `The organisation ${claim.problem}` });
  if (problems.length > 0 || !isRole(role) || 'problem' in claim) return { problems };
  return { id: name, role, orgs: claim.orgs };
};
