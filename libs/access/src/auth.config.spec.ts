import type { ConfigurationProblem } from '@fundledger/event-store';
import { readAuthConfig } from './auth.config';

const read = (env: Record<string, string>) => {
  const problems: ConfigurationProblem[] = [];
  return { config: readAuthConfig({ FUNDLEDGER_DB: ':memory:', ...env }, problems), problems };
};

describe('authentication configuration', () => {
  it('accepts local tokens only, at most 12 hours long, when nothing is set', () => {
    expect(read({}).config).toEqual({ secret: { kind: 'ephemeral' }, maxTokenLifetimeSeconds: 43200 });
  });

  it('reads FUNDLEDGER_TOKEN_MAX_LIFETIME', () => {
    expect(read({ FUNDLEDGER_TOKEN_MAX_LIFETIME: '30m' }).config?.maxTokenLifetimeSeconds).toBe(1800);
    expect(read({ FUNDLEDGER_TOKEN_MAX_LIFETIME: 'forever' }).problems[0]?.variable).toBe('FUNDLEDGER_TOKEN_MAX_LIFETIME');
  });

  it('reads an OpenID Connect provider with the default claim names', () => {
    expect(
      read({ FUNDLEDGER_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0/', FUNDLEDGER_OIDC_AUDIENCE: 'api://fundledger' }).config?.oidc,
    ).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      audience: 'api://fundledger',
      claims: { role: 'role', org: 'org' },
    });
  });

  it('reads a JWKS URL and claim names', () => {
    expect(
      read({
        FUNDLEDGER_OIDC_ISSUER: 'https://idp.example.gov.uk',
        FUNDLEDGER_OIDC_AUDIENCE: 'fundledger',
        FUNDLEDGER_OIDC_JWKS_URL: 'https://idp.example.gov.uk/keys',
        FUNDLEDGER_OIDC_ROLE_CLAIM: 'roles',
        FUNDLEDGER_OIDC_ORG_CLAIM: 'extension_orgId',
      }).config?.oidc,
    ).toMatchObject({ jwksUrl: 'https://idp.example.gov.uk/keys', claims: { role: 'roles', org: 'extension_orgId' } });
  });

  it.each([
    [{ FUNDLEDGER_OIDC_ISSUER: 'https://idp.example.gov.uk' }, 'FUNDLEDGER_OIDC_AUDIENCE', 'is required when FUNDLEDGER_OIDC_ISSUER is set'],
    [{ FUNDLEDGER_OIDC_AUDIENCE: 'x' }, 'FUNDLEDGER_OIDC_ISSUER', 'is required when FUNDLEDGER_OIDC_AUDIENCE or FUNDLEDGER_OIDC_JWKS_URL is set'],
    [{ FUNDLEDGER_OIDC_ISSUER: 'http://idp.example.gov.uk', FUNDLEDGER_OIDC_AUDIENCE: 'x' }, 'FUNDLEDGER_OIDC_ISSUER', 'must be an https:// URL (http:// only on loopback), got \'http://idp.example.gov.uk\''],
    [{ FUNDLEDGER_OIDC_ISSUER: 'not a url', FUNDLEDGER_OIDC_AUDIENCE: 'x' }, 'FUNDLEDGER_OIDC_ISSUER', "must be an absolute https:// URL, got 'not a url'"],
  ])('refuses %j', (env, variable, problem) => {
    const { config, problems } = read(env);
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ variable, problem }]);
  });

  it('allows plain http on loopback, for a provider on the same machine', () => {
    expect(read({ FUNDLEDGER_OIDC_ISSUER: 'http://127.0.0.1:8080', FUNDLEDGER_OIDC_AUDIENCE: 'x' }).config?.oidc?.issuer).toBe('http://127.0.0.1:8080');
  });
  describe('the pages signing people in through the provider', () => {
    const PROVIDER = { FUNDLEDGER_OIDC_ISSUER: 'https://idp.example.gov.uk', FUNDLEDGER_OIDC_AUDIENCE: 'api://fundledger' };

    it('reads the client the pages are registered as, and where the provider sends people back', () => {
      const env = {
        ...PROVIDER,
        FUNDLEDGER_OIDC_CLIENT_ID: 'fundledger-pages',
        FUNDLEDGER_OIDC_CLIENT_SECRET: 's3cret',
        FUNDLEDGER_OIDC_REDIRECT_URL: 'https://ledger.example.gov.uk/app/sign-in/callback',
        FUNDLEDGER_LOCAL_SIGN_IN: 'on',
      };
      expect(read(env).config).toMatchObject({
        oidc: { signIn: { clientId: 'fundledger-pages', clientSecret: 's3cret', redirectUrl: 'https://ledger.example.gov.uk/app/sign-in/callback' } },
        localSignIn: 'on',
      });
    });

    it.each([
      [{ ...PROVIDER, FUNDLEDGER_OIDC_CLIENT_ID: 'pages' }, 'FUNDLEDGER_OIDC_CLIENT_SECRET', 'is required when FUNDLEDGER_OIDC_CLIENT_ID is set'],
      [{ ...PROVIDER, FUNDLEDGER_OIDC_CLIENT_SECRET: 'never-echoed' }, 'FUNDLEDGER_OIDC_CLIENT_ID', 'is required when FUNDLEDGER_OIDC_CLIENT_SECRET or FUNDLEDGER_OIDC_REDIRECT_URL is set'],
      [{ FUNDLEDGER_OIDC_CLIENT_ID: 'pages', FUNDLEDGER_OIDC_CLIENT_SECRET: 'x' }, 'FUNDLEDGER_OIDC_ISSUER', 'is required when FUNDLEDGER_OIDC_CLIENT_ID is set'],
      [
        { ...PROVIDER, FUNDLEDGER_OIDC_CLIENT_ID: 'pages', FUNDLEDGER_OIDC_CLIENT_SECRET: 'x', FUNDLEDGER_OIDC_REDIRECT_URL: 'http://ledger.example.gov.uk/app/sign-in/callback' },
        'FUNDLEDGER_OIDC_REDIRECT_URL',
        "must be an https:// URL (http:// only on loopback), got 'http://ledger.example.gov.uk/app/sign-in/callback'",
      ],
      [
        { ...PROVIDER, FUNDLEDGER_OIDC_CLIENT_ID: 'pages', FUNDLEDGER_OIDC_CLIENT_SECRET: 'x', FUNDLEDGER_OIDC_REDIRECT_URL: 'https://ledger.example.gov.uk/callback' },
        'FUNDLEDGER_OIDC_REDIRECT_URL',
        "must be this service's address followed by /app/sign-in/callback, got 'https://ledger.example.gov.uk/callback'",
      ],
      [{ FUNDLEDGER_LOCAL_SIGN_IN: 'yes' }, 'FUNDLEDGER_LOCAL_SIGN_IN', "must be on or off, got 'yes'"],
    ])('refuses %j', (env, variable, problem) => {
      const { config, problems } = read(env);
      expect(config).toBeUndefined();
      expect(problems).toEqual([{ variable, problem }]);
      expect(JSON.stringify(problems)).not.toContain('never-echoed');
    });
  });
});
