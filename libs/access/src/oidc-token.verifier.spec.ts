import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { AccessTokenRejected } from './access-token.errors';
import { AccessTokenService } from './access-token.service';
import type { OidcConfig } from './auth.config';
import { BearerTokenVerifier } from './bearer-token.verifier';
import { type OidcProvider, type ProviderKey, providerKey, startOidcProvider } from './oidc-provider.test-builders';
import { IdentityProviderUnavailable } from './identity-provider.errors';
import { OidcTokenVerifier } from './oidc-token.verifier';

const AUDIENCE = 'api://fundledger';
const OFFICER = { sub: 'k.officer@kent.police.uk', role: 'finance-officer', org: ['opcc-kent'], aud: AUDIENCE };
/** Every refetch allowed at once, so a rotation shows on the next token. */
const NO_COOLDOWN = { maxAgeMs: 600_000, cooldownMs: 0 };

const rejection = async (verifying: Promise<unknown>): Promise<AccessTokenRejected> => {
  try {
    await verifying;
  } catch (error) {
    if (error instanceof AccessTokenRejected) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
};

describe('OpenID Connect tokens', () => {
  let keyA: ProviderKey;
  let keyB: ProviderKey;
  let ecKey: ProviderKey;
  let provider: OidcProvider;
  let config: OidcConfig;

  beforeAll(async () => {
    [keyA, keyB, ecKey] = await Promise.all([providerKey('key-a'), providerKey('key-b'), providerKey('key-ec', 'ES256')]);
  });

  beforeEach(async () => {
    provider = await startOidcProvider([keyA, ecKey]);
    config = { issuer: provider.issuer, audience: AUDIENCE, claims: { role: 'role', org: 'org' } };
  });
  afterEach(() => provider.close());

  describe('when the keys are discovered from the issuer', () => {
    it('accepts an RS256 token signed by a published key, naming sub, role and organisations', async () => {
      const verifier = new OidcTokenVerifier(config);
      await expect(verifier.verify(await provider.sign(keyA, OFFICER))).resolves.toEqual({
        id: 'k.officer@kent.police.uk',
        role: 'finance-officer',
        orgs: ['opcc-kent'],
      });
    });

    it('accepts ES256', async () => {
      const verifier = new OidcTokenVerifier(config);
      expect((await verifier.verify(await provider.sign(ecKey, OFFICER))).role).toBe('finance-officer');
    });

    it('fetches the keys once for many tokens', async () => {
      const verifier = new OidcTokenVerifier(config);
      for (let n = 0; n < 5; n += 1) await verifier.verify(await provider.sign(keyA, OFFICER));
      expect(provider.jwksFetches()).toBe(1);
    });
  });

  describe('when the provider rotates its keys', () => {
    it('accepts the new key at once and refuses the rotated-out one', async () => {
      const verifier = new OidcTokenVerifier(config, NO_COOLDOWN);
      const old = await provider.sign(keyA, OFFICER);
      await verifier.verify(old);
      provider.publish([keyB]);
      expect((await verifier.verify(await provider.sign(keyB, OFFICER))).id).toBe(OFFICER.sub);
      const refused = await rejection(verifier.verify(old));
      expect(refused.code).toBe('TOKEN_SIGNATURE_INVALID');
      expect(refused.message).toBe("bearer token is signed with a key the issuer's JWKS does not hold (rotated out, or never its own)");
    });
  });

  describe('when a token is not one to accept', () => {
    it('refuses a token from another issuer, signed by the same key', async () => {
      const verifier = new OidcTokenVerifier(config);
      const refused = await rejection(verifier.verify(await provider.sign(keyA, { ...OFFICER, iss: 'https://login.example.com/other' })));
      expect(refused.code).toBe('TOKEN_ISSUER_INVALID');
      expect(refused.message).toBe(`bearer token was not issued by ${provider.issuer}`);
    });

    it('refuses a token for another application (audience)', async () => {
      const verifier = new OidcTokenVerifier(config);
      const refused = await rejection(verifier.verify(await provider.sign(keyA, { ...OFFICER, aud: 'api://payroll' })));
      expect(refused.code).toBe('TOKEN_CLAIMS_INVALID');
      expect(refused.message).toMatch(/claim aud/);
    });

    it('refuses HS256, even with the provider as issuer: the JWKS is public', async () => {
      const forged = await new SignJWT({ ...OFFICER, iss: provider.issuer })
        .setProtectedHeader({ alg: 'HS256', kid: 'key-a' })
        .setExpirationTime('1h')
        .sign(createSecretKey(Buffer.alloc(32, 1)));
      const refused = await rejection(new OidcTokenVerifier(config).verify(forged));
      expect(refused.code).toBe('TOKEN_ALGORITHM_INVALID');
      expect(refused.message).toBe('bearer token must be signed with RS256 or ES256');
    });

    it('refuses an expired token, saying when it expired', async () => {
      const token = await provider.sign(keyA, OFFICER, { expiresIn: '1s' });
      const refused = await rejection(new OidcTokenVerifier(config).verify(token, new Date(Date.now() + 60_000)));
      expect(refused.code).toBe('TOKEN_EXPIRED');
    });

    it('refuses a token without an organisation', async () => {
      const { org: _org, ...withoutOrg } = OFFICER;
      const refused = await rejection(new OidcTokenVerifier(config).verify(await provider.sign(keyA, withoutOrg)));
      expect(refused.message).toBe('bearer token names no organisation (org claim)');
    });
  });

  describe('claim names', () => {
    it('reads the role and organisations from the configured claims (e.g. Entra ID app roles)', async () => {
      const verifier = new OidcTokenVerifier({ ...config, claims: { role: 'roles', org: 'extension_org' } });
      const token = await provider.sign(keyA, { sub: 'a', aud: AUDIENCE, roles: ['Reader', 'auditor'], extension_org: 'opcc-kent' });
      await expect(verifier.verify(token)).resolves.toEqual({ id: 'a', role: 'auditor', orgs: ['opcc-kent'] });
    });

    it('refuses a role claim holding two of the roles', async () => {
      const verifier = new OidcTokenVerifier({ ...config, claims: { role: 'roles', org: 'org' } });
      const token = await provider.sign(keyA, { ...OFFICER, roles: ['finance-officer', 's151-officer'] });
      expect((await rejection(verifier.verify(token))).message).toBe('bearer token names more than one role: finance-officer, s151-officer');
    });
  });

  describe('where the keys come from', () => {
    it('uses a configured JWKS URL without discovery', async () => {
      const verifier = new OidcTokenVerifier({ ...config, jwksUrl: `${provider.issuer}/keys` });
      expect((await verifier.verify(await provider.sign(keyA, OFFICER))).id).toBe(OFFICER.sub);
    });

    it('reports a provider that cannot be reached as its own failure, not the caller\'s', async () => {
      const token = await provider.sign(keyA, OFFICER);
      await provider.close();
      await expect(new OidcTokenVerifier(config).verify(token)).rejects.toBeInstanceOf(IdentityProviderUnavailable);
      provider = await startOidcProvider([keyA]);
    });
  });

  describe('beside local tokens', () => {
    const local = new AccessTokenService('local-secret-for-the-oidc-spec-0123456789');

    it('sends each token to its issuer\'s verifier', async () => {
      const both = new BearerTokenVerifier(local, new OidcTokenVerifier(config));
      expect((await both.verify(await provider.sign(keyA, OFFICER))).id).toBe(OFFICER.sub);
      expect((await both.verify(local.issue({ id: 'alice', role: 'auditor', orgs: ['*'] }))).id).toBe('alice');
    });

    it('refuses a token from an issuer it knows nothing of', async () => {
      const both = new BearerTokenVerifier(local, new OidcTokenVerifier(config));
      const refused = await rejection(both.verify(await provider.sign(keyA, { ...OFFICER, iss: 'https://evil.example' })));
      expect(refused.code).toBe('TOKEN_ISSUER_INVALID');
      expect(refused.message).toBe(`bearer token was not issued by fundledger or ${provider.issuer}`);
    });
  });
  describe('an ID token of a page sign-in', () => {
    const CLIENT = 'fundledger-pages';
    const signedIn = { ...OFFICER, aud: CLIENT, nonce: 'nonce-of-this-sign-in' };

    it('names the person by the same claims mapping as an access token, for the client and the nonce it was issued to', async () => {
      const verifier = new OidcTokenVerifier(config);
      await expect(verifier.verifyIdToken(await provider.sign(keyA, signedIn), { clientId: CLIENT, nonce: 'nonce-of-this-sign-in' })).resolves.toEqual(
        await verifier.verify(await provider.sign(keyA, OFFICER)),
      );
    });

    it("refuses an access token for the API offered as an ID token: its audience is not the pages' client", async () => {
      const refused = await rejection(new OidcTokenVerifier(config).verifyIdToken(await provider.sign(keyA, { ...OFFICER, nonce: 'n' }), { clientId: CLIENT, nonce: 'n' }));
      expect(refused.message).toMatch(/claim aud is invalid/);
    });

    it('refuses a token of another sign-in (its nonce), and one shared with other audiences that was not issued to this client (azp)', async () => {
      const verifier = new OidcTokenVerifier(config);
      const otherNonce = await rejection(verifier.verifyIdToken(await provider.sign(keyA, signedIn), { clientId: CLIENT, nonce: 'another' }));
      expect(otherNonce.message).toBe('ID token nonce is not the one this sign-in sent: it belongs to another sign-in');
      const shared = await provider.sign(keyA, { ...signedIn, aud: [CLIENT, 'another-app'], azp: 'another-app' });
      const notOurs = await rejection(verifier.verifyIdToken(shared, { clientId: CLIENT, nonce: signedIn.nonce }));
      expect(notOurs.message).toBe(`ID token has several audiences and was not issued to ${CLIENT} (azp)`);
    });
  });
});
