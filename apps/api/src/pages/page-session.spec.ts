import { PageSessions, SESSION_COOKIE, localActor } from './page-session';

const ACTOR = { id: 'ann', role: 'finance-officer' as const, orgs: ['opcc-cleveland'] };
const withCookie = (value: string) => ({ headers: { cookie: `other=1; ${SESSION_COOKIE}=${value}` } });

describe('page sessions', () => {
  it('reads back the session it started', () => {
    const sessions = new PageSessions(() => 1_000);
    const { cookie, session } = sessions.start(ACTOR);
    expect(sessions.read(withCookie(cookie))).toEqual(session);
  });

  it('refuses a cookie whose content was changed, another process signed, or that has ended', () => {
    let now = 1_000;
    const sessions = new PageSessions(() => now);
    const { cookie } = sessions.start(ACTOR);
    const [, signature] = cookie.split('.');
    const promoted = Buffer.from(JSON.stringify({ actor: { ...ACTOR, role: 's151-officer' }, csrf: 'x', expiresAt: 9e15 })).toString('base64url');
    expect(sessions.read(withCookie(`${promoted}.${signature}`))).toBeUndefined();
    expect(new PageSessions(() => now).read(withCookie(cookie))).toBeUndefined();
    now += 8 * 60 * 60 * 1000;
    expect(sessions.read(withCookie(cookie))).toBeUndefined();
  });

  it('marks the cookie Secure only for a request that came over TLS', () => {
    const sessions = new PageSessions();
    expect(sessions.setCookieHeader({ headers: {}, secure: true }, 'v')).toMatch(/HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/);
    expect(sessions.setCookieHeader({ headers: {} }, 'v')).not.toContain('Secure');
  });
});

describe('the local sign-in choice', () => {
  it("is checked by the token claims' rules: '*' is an auditor's alone", () => {
    expect(localActor({ name: 'ann', role: 'auditor', organisation: '*' })).toEqual({ id: 'ann', role: 'auditor', orgs: ['*'] });
    expect(localActor({ name: 'bob', role: 'finance-officer', organisation: '*' })).toEqual({
      problems: [{ field: 'organisation', message: 'The organisation gives role finance-officer every organisation; only an auditor\'s token may name "*"' }],
    });
  });

  it('names every missing choice at once', () => {
    expect(localActor({})).toEqual({
      problems: [
        { field: 'name', message: expect.stringContaining('Enter your name') },
        { field: 'role', message: 'Select your role' },
        { field: 'organisation', message: 'The organisation names no organisation (org claim)' },
      ],
    });
  });
});
