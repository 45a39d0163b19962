import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { fieldIn, importFixtures, startPagesService } from './pages-fixture';

/**
 * The pages over HTTP without a browser: sign-in and its CSRF token, the session cookie and scope
 * (the finance officer's forms: ledger-forms.e2e-spec.ts). The browser suite (pages.browser.e2e-spec.ts)
 * drives the same pages in Chromium.
 */
describe('pages under /app', () => {
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  /** The sign-in form as a browser sends it: with the token and cookie its page set. */
  const postSignIn = async (name: string, role: string, organisation: string) => {
    const page = await http().get('/app/sign-in').expect(200);
    const signInCookie = String(page.headers['set-cookie']).split(';')[0];
    return http().post('/app/sign-in').set('Cookie', signInCookie).type('form').send({ csrf: fieldIn(page.text, 'csrf'), name, role, organisation, next: '/app/awards' });
  };

  const signIn = async (name: string, role: string, organisation: string): Promise<string> => {
    const answer = await postSignIn(name, role, organisation);
    expect(answer.status).toBe(303);
    return String(answer.headers['set-cookie']).split(';')[0];
  };

  beforeAll(async () => {
    service = await startPagesService();
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
  });

  afterAll(async () => service?.close());

  describe('signing in', () => {
    it('sends a visitor without a session to sign in, and says local sign-in is on because it listens on loopback', async () => {
      const answer = await http().get('/app/awards').expect(303);
      expect(answer.headers.location).toBe('/app/sign-in?next=%2Fapp%2Fawards');
      const page = await http().get('/app/sign-in').expect(200);
      expect(page.text).toContain('Local sign-in is on because this service listens only on this machine (loopback)');
    });

    it('refuses a sign-in form without the token its page set, and starts no session', async () => {
      const answer = await http().post('/app/sign-in').type('form').send({ csrf: 'forged', name: 'eve', role: 'finance-officer', organisation: 'opcc-cleveland' }).expect(403);
      expect(answer.text).toContain('The sign-in form expired');
      expect(String(answer.headers['set-cookie'])).not.toContain('fundledger_session=ey');
    });

    it('gives a session cookie that scripts cannot read and other sites do not send', async () => {
      const answer = await postSignIn('ann', 'auditor', '*');
      expect(answer.status).toBe(303);
      const cookie = String(answer.headers['set-cookie']);
      expect(cookie).toMatch(/fundledger_session=[^;]+; Path=\/app; HttpOnly; SameSite=Lax; Max-Age=28800/);
    });

    it("names the rule a bad choice breaks: '*' is for an auditor only", async () => {
      const answer = await postSignIn('bob', 'finance-officer', '*');
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('The organisation gives role finance-officer every organisation; only an auditor&#39;s token may name &quot;*&quot;');
    });
  });

  describe('the awards list', () => {
    it("shows Cleveland's finance officer Cleveland's award only, with its shortfall and its decision's mismatch marked", async () => {
      const cookie = await signIn('cleveland-finance', 'finance-officer', 'opcc-cleveland');
      const page = await http().get('/app/awards').set('Cookie', cookie).expect(200);
      expect(page.text).toContain('href="/app/awards/dapi21-cleveland"');
      expect(page.text).not.toContain('dapi21-kent');
      expect(page.text).toContain('£200,124.66');
      expect(page.text).toMatch(/govuk-tag--red">\s*Shortfall £15,581.84 from 2022-10/);
      // Decision 2021-7335 declares grants of 296,617 while its lines (and the ledger) sum to 295,617.
      expect(page.text).toMatch(/govuk-tag--orange">\s*1 decision figure\(s\) differ from the ledger/);
    });

    it('states the as-of date it was asked for at the top, and reads the ledger as of it', async () => {
      const cookie = await signIn('cleveland-finance', 'finance-officer', 'opcc-cleveland');
      const page = await http().get('/app/awards?asOf=2021-07-30').set('Cookie', cookie).expect(200);
      expect(page.text).toContain('Figures as of 2021-07-30');
      expect(page.text).toContain('£200,333.33');
    });

    it('answers a malformed as-of date with the error summary, not a 500', async () => {
      const cookie = await signIn('cleveland-finance', 'finance-officer', 'opcc-cleveland');
      const page = await http().get('/app/awards?asOf=31/07/2021').set('Cookie', cookie).expect(400);
      expect(page.text).toContain('govuk-error-summary');
    });
  });

  it('serves the pages under a CSP with a per-response script nonce and GOV.UK Frontend from this origin', async () => {
    const page = await http().get('/app/sign-in').expect(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await http().get('/app/govuk-frontend.min.css').expect(200).expect('Content-Type', /css/);
    const own = await http().get('/app/app.css').expect(200).expect('Content-Type', /css/);
    expect(own.text).toContain('.app-inline-form');
    await http().get('/app/assets/images/favicon.ico').expect(200);
  });
});
