import { JwtService } from '@nestjs/jwt';
import { AccessTokenRejected, AccessTokenRejectionCode } from './access-token.errors';
import { AccessTokenService } from './access-token.service';

const SECRET = 'a-secret-long-enough-for-hs256-signing-0001';
const OTHER_SECRET = 'another-secret-long-enough-for-hs256-9999';
const ISSUED = new Date('2026-03-31T09:00:00.000Z');
const at = (iso: string) => new Date(iso);

const tokens = new AccessTokenService(SECRET);

const rejectionOf = (verify: () => unknown): AccessTokenRejected => {
  try {
    verify();
  } catch (error) {
    if (error instanceof AccessTokenRejected) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
};

const expectRejected = (verify: () => unknown, code: AccessTokenRejectionCode, message: string | RegExp) => {
  const rejection = rejectionOf(verify);
  expect(rejection.code).toBe(code);
  expect(rejection.message).toMatch(message);
};

/** A token signed by hand, for claims the service would never issue itself. */
const handMade = (payload: object, options: { secret?: string; issuer?: string } = {}) =>
  new JwtService({ secret: options.secret ?? SECRET }).sign(payload, {
    algorithm: 'HS256',
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
  });

const iat = ISSUED.getTime() / 1000;

describe('access tokens', () => {
  describe('when a token was issued by the service', () => {
    const token = tokens.issue({ id: 'alice', role: 'finance-officer' }, { now: ISSUED });

    it('names the actor from sub and role', () => {
      expect(tokens.verify(token, at('2026-03-31T10:00:00Z'))).toEqual({ id: 'alice', role: 'finance-officer' });
    });

    it('carries sub, role, issuer, iat and an exp 8 hours later', () => {
      expect(new JwtService().decode(token)).toEqual({
        sub: 'alice',
        role: 'finance-officer',
        iss: 'fundledger',
        iat,
        exp: iat + 8 * 3600,
      });
    });

    it('is accepted until its last second and refused from its expiry on, saying when it expired', () => {
      expect(tokens.verify(token, at('2026-03-31T16:59:59Z')).id).toBe('alice');
      expectRejected(
        () => tokens.verify(token, at('2026-03-31T17:00:00Z')),
        'TOKEN_EXPIRED',
        'bearer token expired at 2026-03-31T17:00:00.000Z',
      );
    });

    it('is refused when checked with another secret, saying what the CLI and the service must share', () => {
      const rejection = rejectionOf(() => new AccessTokenService(OTHER_SECRET).verify(token, ISSUED));

      expect(rejection.code).toBe('TOKEN_SIGNATURE_INVALID');
      expect(rejection.message).toMatch(/^bearer token signature is invalid: it was not signed with this service's secret/);
      expect(rejection.message).toContain('share FUNDLEDGER_JWT_SECRET');
      expect(rejection.message).toContain('the data directory (the same --db or FUNDLEDGER_DB)');
    });

    it('is refused once a claim is tampered with', () => {
      const [header, , signature] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ sub: 'alice', role: 'auditor', iss: 'fundledger', iat, exp: iat + 60 }))
        .toString('base64url');
      expectRejected(() => tokens.verify(`${header}.${forged}.${signature}`, ISSUED), 'TOKEN_SIGNATURE_INVALID', /signature/);
    });
  });

  describe('when a lifetime is given', () => {
    it('sets exp that far after iat', () => {
      const token = tokens.issue({ id: 'bob', role: 'auditor' }, { now: ISSUED, expiresIn: '30m' });
      expect(new JwtService().decode(token)).toMatchObject({ iat, exp: iat + 1800 });
    });

    it('refuses a lifetime it cannot read', () => {
      expect(() => tokens.issue({ id: 'bob', role: 'auditor' }, { expiresIn: 'forever' })).toThrow(/token lifetime/);
    });
  });

  describe('when a token is not one the service would issue', () => {
    it('refuses one from another issuer', () => {
      const token = handMade({ sub: 'alice', role: 'auditor', iat, exp: iat + 60 }, { issuer: 'someone-else' });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_ISSUER_INVALID', 'bearer token was not issued by fundledger');
    });

    it('refuses one with no issuer', () => {
      const token = handMade({ sub: 'alice', role: 'auditor', iat, exp: iat + 60 });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_ISSUER_INVALID', /not issued by fundledger/);
    });

    it('refuses one naming a role the service does not know', () => {
      const token = handMade({ sub: 'alice', role: 'admin', iat, exp: iat + 60 }, { issuer: 'fundledger' });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token names unknown role "admin"');
    });

    it('refuses one with no role', () => {
      const token = handMade({ sub: 'alice', iat, exp: iat + 60 }, { issuer: 'fundledger' });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_CLAIMS_INVALID', /unknown role/);
    });

    it('refuses one with no subject', () => {
      const token = handMade({ role: 'auditor', iat, exp: iat + 60 }, { issuer: 'fundledger' });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token has no subject');
    });

    it('refuses one that never expires', () => {
      const token = handMade({ sub: 'alice', role: 'auditor', iat }, { issuer: 'fundledger' });
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_CLAIMS_INVALID', 'bearer token has no expiry');
    });

    it('refuses an unsigned one (alg none)', () => {
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'alice', role: 'auditor', iss: 'fundledger', iat, exp: iat + 60 })}.`;
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_SIGNATURE_INVALID', /signature/);
    });

    it('refuses one signed with another algorithm', () => {
      const token = new JwtService({ secret: SECRET }).sign(
        { sub: 'alice', role: 'auditor', iat, exp: iat + 60 },
        { algorithm: 'HS512', issuer: 'fundledger' },
      );
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_ALGORITHM_INVALID', 'bearer token must be signed with HS256');
    });

    it.each(['', 'not-a-token', 'a.b.c'])('refuses %j as malformed', (token) => {
      expectRejected(() => tokens.verify(token, ISSUED), 'TOKEN_MALFORMED', /^bearer token is malformed/);
    });
  });

  describe('when asked to issue for an unknown role', () => {
    it('refuses rather than sign a token the service would reject', () => {
      expect(() => tokens.issue({ id: 'alice', role: 'admin' as never })).toThrow("unknown role 'admin'");
    });
  });
});
