import { createHmac } from 'node:crypto';
import { decodeJwt } from 'jose';
import { AccessTokenRejected, AccessTokenRejectionCode } from './access-token.errors';
import { AccessTokenService } from './access-token.service';

const SECRET = 'a-secret-long-enough-for-hs256-signing-0001';
const OTHER_SECRET = 'another-secret-long-enough-for-hs256-9999';
const ISSUED = new Date('2026-03-31T09:00:00.000Z');
const at = (iso: string) => new Date(iso);
const ALICE = { id: 'alice', role: 'finance-officer', orgs: ['opcc-cleveland'] } as const;

const tokens = new AccessTokenService(SECRET);

const expectRejected = async (verify: Promise<unknown>, code: AccessTokenRejectionCode, message: string | RegExp) => {
  const rejection = await verify.then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (error: unknown) => error,
  );
  expect(rejection).toBeInstanceOf(AccessTokenRejected);
  expect((rejection as AccessTokenRejected).code).toBe(code);
  expect((rejection as AccessTokenRejected).message).toMatch(message);
};

const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

/** A token signed by hand, for claims and headers the service would never issue itself. */
const handMade = (payload: object, options: { secret?: string; alg?: string } = {}) => {
  const signed = `${encode({ alg: options.alg ?? 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  const hash = options.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${signed}.${createHmac(hash, options.secret ?? SECRET).update(signed).digest('base64url')}`;
};

const iat = ISSUED.getTime() / 1000;
const valid = { sub: 'alice', role: 'auditor', org: ['*'], iss: 'fundledger', iat, exp: iat + 60 };

describe('access tokens', () => {
  describe('when a token was issued by the service', () => {
    const token = tokens.issue(ALICE, { now: ISSUED });

    it('names the actor from sub, role and org', async () => {
      await expect(tokens.verify(token, at('2026-03-31T10:00:00Z'))).resolves.toEqual(ALICE);
    });

    it('carries sub, role, org, issuer, iat and an exp 8 hours later', () => {
      expect(decodeJwt(token)).toEqual({
        sub: 'alice',
        role: 'finance-officer',
        org: ['opcc-cleveland'],
        iss: 'fundledger',
        iat,
        exp: iat + 8 * 3600,
      });
    });

    it('is accepted until its last second and refused from its expiry on, saying when it expired', async () => {
      expect((await tokens.verify(token, at('2026-03-31T16:59:59Z'))).id).toBe('alice');
      await expectRejected(tokens.verify(token, at('2026-03-31T17:00:00Z')), 'TOKEN_EXPIRED', 'bearer token expired at 2026-03-31T17:00:00.000Z');
    });

    it('is refused when checked with another secret, saying what the CLI and the service must share', async () => {
      const message = /^bearer token signature is invalid: it was not signed with this service's secret.*share FUNDLEDGER_JWT_SECRET.*the configuration directory/;
      await expectRejected(new AccessTokenService(OTHER_SECRET).verify(token, ISSUED), 'TOKEN_SIGNATURE_INVALID', message);
    });

    it('is refused once a claim is tampered with (another organisation)', async () => {
      const [header, , signature] = token.split('.');
      const forged = encode({ ...decodeJwt(token), org: ['opcc-kent'] });
      await expectRejected(tokens.verify(`${header}.${forged}.${signature}`, ISSUED), 'TOKEN_SIGNATURE_INVALID', /signature/);
    });
  });

  describe('the lifetime', () => {
    it('sets exp that far after iat', () => {
      const token = tokens.issue(ALICE, { now: ISSUED, expiresIn: '30m' });
      expect(decodeJwt(token)).toMatchObject({ iat, exp: iat + 1800 });
    });

    it('refuses a lifetime it cannot read', () => {
      expect(() => tokens.issue(ALICE, { expiresIn: 'forever' })).toThrow(/token lifetime/);
    });

    it('refuses to issue beyond the maximum, 12 hours by default', () => {
      expect(() => tokens.issue(ALICE, { expiresIn: '12h' })).not.toThrow();
      expect(() => tokens.issue(ALICE, { expiresIn: '99999999d' })).toThrow('token lifetime 8639999913600 s is longer than the maximum 43200 s');
    });

    it('refuses a token whose lifetime is longer than the maximum, though correctly signed', () =>
      expectRejected(
        tokens.verify(handMade({ ...valid, exp: iat + 99999999 * 86400 }), ISSUED),
        'TOKEN_CLAIMS_INVALID',
        'bearer token lifetime is longer than the maximum 43200 s (or it has no iat)',
      ));

    it('refuses a token with no iat, whose lifetime cannot be known', () => {
      const { iat: _iat, ...withoutIat } = valid;
      return expectRejected(tokens.verify(handMade(withoutIat), ISSUED), 'TOKEN_CLAIMS_INVALID', /no iat/);
    });

    it('follows a configured maximum', async () => {
      const daily = new AccessTokenService(SECRET, 24 * 3600);
      const token = daily.issue(ALICE, { now: ISSUED, expiresIn: '20h' });
      expect((await daily.verify(token, ISSUED)).id).toBe('alice');
      await expectRejected(tokens.verify(token, ISSUED), 'TOKEN_CLAIMS_INVALID', /longer than the maximum/);
    });
  });

  describe('the organisation claim', () => {
    it('accepts a single id as a string', async () => {
      expect((await tokens.verify(handMade({ ...valid, role: 'funder-officer', org: 'home-office' }), ISSUED)).orgs).toEqual(['home-office']);
    });

    it('refuses a token naming no organisation', () =>
      expectRejected(tokens.verify(handMade({ ...valid, org: [] }), ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token names no organisation (org claim)'));

    it('refuses "*" for any role but auditor', () =>
      expectRejected(
        tokens.verify(handMade({ ...valid, role: 's151-officer', org: ['*'] }), ISSUED),
        'TOKEN_CLAIMS_INVALID',
        `bearer token gives role s151-officer every organisation; only an auditor's token may name "*"`,
      ));

    it('refuses an id that is not an organisation id', () =>
      expectRejected(tokens.verify(handMade({ ...valid, org: ['kent,cleveland'] }), ISSUED), 'TOKEN_CLAIMS_INVALID', /invalid organisation id/));

    it('will not issue a token without one', () => {
      expect(() => tokens.issue({ ...ALICE, orgs: [] })).toThrow('cannot issue a token that names no organisation (org claim)');
    });
  });

  describe('when a token is not one the service would issue', () => {
    it('refuses one from another issuer', () =>
      expectRejected(tokens.verify(handMade({ ...valid, iss: 'someone-else' }), ISSUED), 'TOKEN_ISSUER_INVALID', 'bearer token was not issued by fundledger'));

    it('refuses one with no issuer', () => {
      const { iss: _iss, ...withoutIssuer } = valid;
      return expectRejected(tokens.verify(handMade(withoutIssuer), ISSUED), 'TOKEN_ISSUER_INVALID', /not issued by fundledger/);
    });

    it('refuses one naming a role the service does not know', () =>
      expectRejected(tokens.verify(handMade({ ...valid, role: 'admin' }), ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token names unknown role "admin"'));

    it('refuses one with no subject', () => {
      const { sub: _sub, ...withoutSubject } = valid;
      return expectRejected(tokens.verify(handMade(withoutSubject), ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token has no subject');
    });

    it('refuses one that never expires', () => {
      const { exp: _exp, ...withoutExpiry } = valid;
      return expectRejected(tokens.verify(handMade(withoutExpiry), ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token has no expiry');
    });

    it('refuses an unsigned one (alg none)', () => {
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(valid)}.`;
      return expectRejected(tokens.verify(token, ISSUED), 'TOKEN_SIGNATURE_INVALID', /signature/);
    });

    it('refuses one signed with another algorithm', () =>
      expectRejected(tokens.verify(handMade(valid, { alg: 'HS512' }), ISSUED), 'TOKEN_ALGORITHM_INVALID', 'bearer token must be signed with HS256'));

    it.each(['', 'not-a-token', 'a.b.c'])('refuses %j as malformed', (token) =>
      expectRejected(tokens.verify(token, ISSUED), 'TOKEN_MALFORMED', /^bearer token is malformed/));
  });

  describe('when asked to issue for an unknown role', () => {
    it('refuses rather than sign a token the service would reject', () => {
      expect(() => tokens.issue({ id: 'alice', role: 'admin' as never, orgs: ['x'] })).toThrow("unknown role 'admin'");
    });
  });
});
