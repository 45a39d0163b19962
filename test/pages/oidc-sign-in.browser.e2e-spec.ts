import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type OidcProvider, providerKey, startOidcProvider } from '../../libs/access/src/oidc-provider.test-builders';
import { browserAvailable, look, SCREENSHOTS, startBrowserSuite } from './browser';

const describeInBrowser = browserAvailable() ? describe : describe.skip;

/**
 * Signing in through the organisation's OpenID Connect provider in Debian's Chromium. The provider is
 * a test double standing in for Entra ID or Keycloak (oidc-provider.test-builders.ts): its authorize
 * endpoint consents at once for the person the test chose, so the browser goes there and straight back.
 */
describeInBrowser('signing in through the provider, in a browser', () => {
  jest.setTimeout(60_000);
  const client = { clientId: 'fundledger-pages', clientSecret: 'pages-client-secret-0123456789' };
  let provider: OidcProvider;
  let suite: Awaited<ReturnType<typeof startBrowserSuite>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    provider = await startOidcProvider([await providerKey('browser-key')], client);
    provider.signInAs({ sub: 'c.finance@cleveland.police.uk', role: 'finance-officer', org: 'opcc-cleveland' });
    suite = await startBrowserSuite({
      FUNDLEDGER_OIDC_ISSUER: provider.issuer,
      FUNDLEDGER_OIDC_AUDIENCE: 'api://fundledger',
      FUNDLEDGER_OIDC_CLIENT_ID: client.clientId,
      FUNDLEDGER_OIDC_CLIENT_SECRET: client.clientSecret,
    });
    ({ base, browser } = suite);
  }, 60_000);

  afterAll(async () => {
    await suite?.close();
    await provider?.close();
  });

  it("goes to the provider and back, lands on the awards of the token's organisation, and signs out of both", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/app`);
    expect(await page.getByText('Local sign-in is off because your organisation’s identity provider is configured').count()).toBe(1);
    await look(page, 'oidc-01-sign-in');

    await page.getByRole('button', { name: 'Sign in with your organisation’s account' }).click();
    await page.waitForURL(`${base}/app/awards`);
    expect(await page.getByText('Signed in as c.finance@cleveland.police.uk, finance-officer for opcc-cleveland.').count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'dapi21-cleveland' }).count()).toBe(1);
    // A screenshot only: the awards list itself is axe-checked in pages.browser.e2e-spec.ts.
    await page.screenshot({ path: join(SCREENSHOTS, 'oidc-02-awards.png'), fullPage: true });

    // The form's redirect to the provider's sign-out page must pass the pages' CSP (form-action).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/app/sign-in`);
    expect(provider.endSessions()).toBe(1);
    await page.goto(`${base}/app/awards`);
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
  });

  it('explains a sign-in that cannot finish, on an accessible page', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/app/sign-in/callback?code=stolen&state=guessed`);
    expect(await page.getByText('(SIGN_IN_NOT_STARTED)').count()).toBe(1);
    await look(page, 'oidc-03-sign-in-failed');
  });
});
