import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type OidcProvider, type ProviderKey, providerKey, startOidcProvider } from '../../libs/access/src/oidc-provider.test-builders';
import { importFixtures, startPagesService } from './pages-fixture';

/**
 * Signing in to the pages through the organisation's OpenID Connect provider, over HTTP. The provider
 * is a test double standing in for Entra ID or Keycloak (oidc-provider.test-builders.ts): it serves
 * discovery, its keys, an authorize endpoint that consents at once for the person the test chose, and
 * a token endpoint that redeems each code once. The service is configured as an operator would, with
 * Entra ID's `roles` claim, so the page session comes from the same claims mapping as a bearer token.
 */
const CLIENT = { clientId: 'fundledger-pages', clientSecret: 'pages-client-secret-0123456789' };
const CLEVELAND_OFFICER = { sub: 'c.finance@cleveland.police.uk', roles: ['finance-officer'], org: 'opcc-cleveland' };

describe('signing in to the pages through the OpenID Connect provider', () => {
  let key: ProviderKey;
  let provider: OidcProvider;
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  const cookieOf = (answer: request.Response, name: string): string | undefined =>
    ([] as string[]).concat(answer.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${name}=`));
  const sessionCookieOf = (answer: request.Response) => cookieOf(answer, 'fundledger_session');

  /** The browser's first step: the service sends it to the provider and keeps the sign-in's secrets. */
  const startSignIn = async () => {
    const answer = await http().get('/app/sign-in/oidc?next=%2Fapp%2Fawards').expect(303);
    return { authorize: new URL(String(answer.headers.location)), cookie: String(cookieOf(answer, 'fundledger_oidc')).split(';')[0], answer };
  };

  /** The provider's step: it consents and redirects to the callback; the path and query the browser would follow. */
  const consent = async (authorize: URL): Promise<URL> => {
    const answer = await fetch(authorize, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    return new URL(String(answer.headers.get('location')));
  };

  const callback = (url: URL, cookie: string) => http().get(`${url.pathname}${url.search}`).set('Cookie', cookie);

  const signInThroughProvider = async () => {
    const { authorize, cookie } = await startSignIn();
    const back = await consent(authorize);
    return { back, cookie, answer: await callback(back, cookie) };
  };

  /** Nothing signed in: no session cookie set, and the awards list still sends the browser to sign in. */
  const expectNobodySignedIn = async (answer: request.Response) => {
    expect(sessionCookieOf(answer) ?? '').not.toMatch(/^fundledger_session=ey/);
    await http().get('/app/awards').set('Cookie', [answer.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0])).expect(303);
  };

  beforeAll(async () => {
    key = await providerKey('pages-key');
    provider = await startOidcProvider([key], CLIENT);
    service = await startPagesService({
      FUNDLEDGER_OIDC_ISSUER: provider.issuer,
      FUNDLEDGER_OIDC_AUDIENCE: 'api://fundledger',
      FUNDLEDGER_OIDC_ROLE_CLAIM: 'roles',
      FUNDLEDGER_OIDC_CLIENT_ID: CLIENT.clientId,
      FUNDLEDGER_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    });
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
  });

  beforeEach(() => {
    provider.signInAs(CLEVELAND_OFFICER);
    provider.issueIdTokensWith((claims) => provider.sign(key, claims));
    provider.failTokenRequests(false);
  });

  afterAll(async () => {
    await service?.close();
    await provider?.close();
  });

  describe('the sign-in page', () => {
    it('offers the provider, and says local sign-in is off because the provider is configured', async () => {
      const page = await http().get('/app/sign-in').expect(200);
      expect(page.text).toContain('Sign in with your organisation’s account');
      expect(page.text).toContain('href="/app/sign-in/oidc?next=%2Fapp%2Fawards"');
      expect(page.text).toContain('Local sign-in is off because your organisation’s identity provider is configured');
      expect(page.text).not.toContain('name="role"');
      expect(page.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a local sign-in form, starting no session', async () => {
      const answer = await http().post('/app/sign-in').type('form').send({ csrf: 'x', name: 'eve', role: 'auditor', organisation: '*' }).expect(403);
      expect(answer.text).toContain('Local sign-in is off because your organisation’s identity provider is configured');
      await expectNobodySignedIn(answer);
    });
  });

  describe('the redirect to the provider', () => {
    it('asks for a code with PKCE S256, a state and a nonce, and keeps them on the server behind an HttpOnly Lax cookie', async () => {
      const { authorize, cookie, answer } = await startSignIn();
      expect(`${authorize.origin}${authorize.pathname}`).toBe(`${provider.issuer}/authorize`);
      const parameters = Object.fromEntries(authorize.searchParams);
      expect(parameters).toMatchObject({ response_type: 'code', client_id: CLIENT.clientId, scope: 'openid', code_challenge_method: 'S256' });
      expect(parameters.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/sign-in\/callback$/);
      for (const secret of ['state', 'nonce', 'code_challenge']) expect(parameters[secret]).toMatch(/^[\w-]{43}$/);
      // The browser holds only a key to the pending sign-in, never the state, nonce or verifier.
      expect(cookie).toMatch(/^fundledger_oidc=[\w-]{32}$/);
      expect(cookieOf(answer, 'fundledger_oidc')).toMatch(/; Path=\/app\/sign-in; HttpOnly; SameSite=Lax; Max-Age=600$/);
      expect(cookie).not.toContain(parameters.state);
    });
  });

  describe('the way back', () => {
    it("signs in with the role and organisation of the ID token's claims, and shows that organisation's awards only", async () => {
      const { answer } = await signInThroughProvider();
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toBe('/app/awards');
      expect(sessionCookieOf(answer)).toMatch(/^fundledger_session=[^;]+; Path=\/app; HttpOnly; SameSite=Lax; Max-Age=28800$/);
      expect(cookieOf(answer, 'fundledger_oidc')).toContain('Max-Age=0');

      const awards = await http().get('/app/awards').set('Cookie', String(sessionCookieOf(answer)).split(';')[0]).expect(200);
      expect(awards.text).toContain('Signed in as <strong>c.finance@cleveland.police.uk</strong>, finance-officer for opcc-cleveland.');
      expect(awards.text).toContain('href="/app/awards/dapi21-cleveland"');
      expect(awards.text).not.toContain('dapi21-kent');
    });

    it('signs out of the pages and of the provider, whose sign-out page sends the browser back to sign in', async () => {
      const { answer } = await signInThroughProvider();
      const session = String(sessionCookieOf(answer)).split(';')[0];
      const page = await http().get('/app/awards').set('Cookie', session).expect(200);
      const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];

      const out = await http().post('/app/sign-out').set('Cookie', session).type('form').send({ csrf }).expect(303);
      const logout = new URL(String(out.headers.location));
      expect(`${logout.origin}${logout.pathname}`).toBe(`${provider.issuer}/logout`);
      expect(logout.searchParams.get('client_id')).toBe(CLIENT.clientId);
      expect(logout.searchParams.get('post_logout_redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/sign-in$/);
      expect(sessionCookieOf(out)).toContain('fundledger_session=; Path=/app; HttpOnly; SameSite=Lax; Max-Age=0');
    });

    it("lets the sign-out form's redirect reach the provider under the pages' Content-Security-Policy", async () => {
      const page = await http().get('/app/sign-in').expect(200);
      expect(page.headers['content-security-policy']).toContain(`form-action 'self' ${provider.issuer}`);
    });
  });

  describe('each failure is a page that names it, and signs nobody in', () => {
    const expectRefusal = async (answer: request.Response, status: number, text: string) => {
      expect(answer.status).toBe(status);
      expect(answer.text).toContain('There is a problem');
      expect(answer.text).toContain(text);
      await expectNobodySignedIn(answer);
    };

    it('an answer whose state is not the one this browser sent (a forged or crossed callback)', async () => {
      const { authorize, cookie } = await startSignIn();
      const back = await consent(authorize);
      back.searchParams.set('state', 'forged-state');
      await expectRefusal(await callback(back, cookie), 400, 'does not belong to this browser&#39;s sign-in (its state differs) (SIGN_IN_STATE_MISMATCH)');
    });

    it('an answer without the cookie of the browser that started the sign-in', async () => {
      const { authorize } = await startSignIn();
      await expectRefusal(await callback(await consent(authorize), ''), 400, '(SIGN_IN_NOT_STARTED)');
    });

    it('the same answer sent twice: the second finds no sign-in in progress', async () => {
      const { back, cookie, answer } = await signInThroughProvider();
      expect(answer.status).toBe(303);
      await expectRefusal(await callback(back, cookie), 400, 'it was already used, took longer than ten minutes, or was started elsewhere (SIGN_IN_NOT_STARTED)');
    });

    it('a code replayed into a new sign-in: the provider redeems a code once', async () => {
      const { back } = await signInThroughProvider();
      const fresh = await startSignIn();
      const replayed = new URL(back);
      replayed.searchParams.set('state', String(fresh.authorize.searchParams.get('state')));
      await expectRefusal(await callback(replayed, fresh.cookie), 400, 'would not redeem the sign-in code (invalid_grant: the code is unknown or was already used) (SIGN_IN_CODE_REFUSED)');
    });

    it('the provider refusing to sign the person in', async () => {
      const { authorize, cookie } = await startSignIn();
      const back = new URL(String(authorize.searchParams.get('redirect_uri')));
      back.searchParams.set('state', String(authorize.searchParams.get('state')));
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'the user is not assigned to the application');
      await expectRefusal(await callback(back, cookie), 400, 'did not sign you in (access_denied: the user is not assigned to the application) (SIGN_IN_REFUSED_BY_PROVIDER)');
    });

    it.each([
      ['signed with a key the provider does not publish', { sign: 'unpublished' }, 'TOKEN_SIGNATURE_INVALID'],
      ['issued for another sign-in (its nonce)', { nonce: 'another-sign-in' }, 'ID token nonce is not the one this sign-in sent'],
      ['issued to another application', { aud: 'another-client' }, 'the token claim aud is invalid'],
      ['expired', { expiresIn: '-1m' }, 'the token expired at'],
      ['without a role', { roles: undefined }, 'the token has no role: its roles claim is missing (TOKEN_CLAIMS_INVALID)'],
      ['naming two roles', { roles: ['finance-officer', 's151-officer'] }, 'the token names more than one role: finance-officer, s151-officer'],
      ['without an organisation', { org: undefined }, 'the token names no organisation (org claim) (TOKEN_CLAIMS_INVALID)'],
    ])('an ID token %s', async (_case, change: Record<string, unknown>, text) => {
      const unpublished = await providerKey('not-published');
      const { sign, expiresIn, ...claims } = change;
      provider.signInAs({ ...CLEVELAND_OFFICER, ...claims });
      provider.issueIdTokensWith((payload) => provider.sign(sign === 'unpublished' ? unpublished : key, payload, { expiresIn: (expiresIn as string | undefined) ?? '1h' }));
      const { answer } = await signInThroughProvider();
      await expectRefusal(answer, 400, text);
      expect(answer.text).toContain('(SIGN_IN_ID_TOKEN_REJECTED)');
    });

    it('the provider down when the code is redeemed', async () => {
      provider.failTokenRequests(true);
      const { answer } = await signInThroughProvider();
      await expectRefusal(answer, 503, 'the identity provider could not be reached: its token endpoint answered 503');
    });
  });
});

describe('signing in to the pages when the provider cannot be reached at all', () => {
  it('says so on a page and sends nobody anywhere', async () => {
    const gone = await startOidcProvider([await providerKey('gone')], CLIENT);
    await gone.close();
    const service = await startPagesService({
      FUNDLEDGER_OIDC_ISSUER: gone.issuer,
      FUNDLEDGER_OIDC_AUDIENCE: 'api://fundledger',
      FUNDLEDGER_OIDC_CLIENT_ID: CLIENT.clientId,
      FUNDLEDGER_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    });
    try {
      const answer = await request(service.app.getHttpServer()).get('/app/sign-in/oidc').expect(503);
      expect(answer.text).toContain('the identity provider could not be reached');
      expect(answer.text).toContain('(IDENTITY_PROVIDER_UNAVAILABLE)');
      expect(answer.headers['set-cookie']).toBeUndefined();
    } finally {
      await service.close();
    }
  });
});
