import { signInModes } from './sign-in-modes';

const PROVIDER = { oidc: { issuer: 'https://idp.example.gov.uk', audience: 'api', claims: { role: 'role', org: 'org' }, signIn: { clientId: 'pages', clientSecret: 'x' } } };

describe('which sign-in the pages offer', () => {
  it('offers local sign-in on loopback when no provider signs people in', () => {
    expect(signInModes('127.0.0.1', {})).toEqual({ local: { on: true, why: expect.stringContaining('listens only on this machine (loopback)') } });
  });

  it('turns local sign-in off beside a provider, saying how to have both', () => {
    expect(signInModes('127.0.0.1', PROVIDER)).toEqual({
      provider: { issuer: 'https://idp.example.gov.uk' },
      local: { on: false, why: expect.stringContaining('FUNDLEDGER_LOCAL_SIGN_IN=on would offer it beside the provider') },
    });
  });

  it('offers both on loopback when FUNDLEDGER_LOCAL_SIGN_IN=on asks for it', () => {
    expect(signInModes('::1', { ...PROVIDER, localSignIn: 'on' }).local).toEqual({ on: true, why: expect.stringContaining('offered beside your organisation’s sign-in') });
  });

  it('never offers local sign-in on a network address, whatever FUNDLEDGER_LOCAL_SIGN_IN says', () => {
    expect(signInModes('0.0.0.0', { ...PROVIDER, localSignIn: 'on' }).local.on).toBe(false);
    expect(signInModes('0.0.0.0', {}).local.why).toContain('listens on a network address');
  });

  it('turns it off on loopback too when FUNDLEDGER_LOCAL_SIGN_IN=off', () => {
    expect(signInModes('localhost', { localSignIn: 'off' }).local).toEqual({ on: false, why: 'Local sign-in is off: FUNDLEDGER_LOCAL_SIGN_IN is off.' });
  });

  it('treats an API-only provider (no client for the pages) as no provider for signing in', () => {
    const apiOnly = { oidc: { issuer: 'https://idp.example.gov.uk', audience: 'api', claims: { role: 'role', org: 'org' } } };
    expect(signInModes('127.0.0.1', apiOnly)).toEqual({ local: { on: true, why: expect.any(String) } });
  });
});
