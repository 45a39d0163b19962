import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { AccessTokenRejected } from './access-token.errors';
import { LOCAL_CLAIMS, actorOf, refuseUnsigned, rejectionOf } from './jwt-claims';
import { type AuthenticatedActor, readOrganisationClaim } from './organisation-scope';
import { isRole } from './role.permissions';
import { DEFAULT_MAX_TOKEN_LIFETIME, DEFAULT_TOKEN_LIFETIME, parseTokenLifetime } from './token-lifetime';

export const TOKEN_ISSUER = 'fundledger';
/** One algorithm only: accepting whatever the header names is how `alg: none` tokens get in. */
const ALGORITHM = 'HS256';

export interface IssueTokenOptions {
  /** `30m`, `8h`, `2d` or bare seconds; 8h when omitted. */
  readonly expiresIn?: string;
  /** The issuing instant; now when omitted. */
  readonly now?: Date;
}

export interface AccessTokenClaims {
  readonly sub: string;
  readonly role: string;
  readonly org: readonly string[];
  readonly iss: typeof TOKEN_ISSUER;
  readonly iat: number;
  readonly exp: number;
}

/**
 * The usual cause is no forgery but a token from `fundledger token` signed with another secret than
 * the service's: the caller is told what the two must share.
 */
export const SIGNATURE_INVALID_MESSAGE =
  "bearer token signature is invalid: it was not signed with this service's secret. A token from " +
  '`fundledger token` is accepted only when the CLI and the service share FUNDLEDGER_JWT_SECRET or, when ' +
  'that is unset, the configuration directory (the same XDG_CONFIG_HOME or home directory), whose ' +
  'fundledger/jwt-secret file signs the tokens';

/** A lifetime longer than the service allows: refused when issuing, and when a token claims one. */
export class TokenLifetimeTooLong extends Error {
  readonly code = 'TOKEN_LIFETIME_TOO_LONG';

  constructor(seconds: number, maxSeconds: number) {
    super(`token lifetime ${seconds} s is longer than the maximum ${maxSeconds} s (FUNDLEDGER_TOKEN_MAX_LIFETIME)`);
    this.name = 'TokenLifetimeTooLong';
  }
}

const seconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The service's own bearer tokens, for a single machine: HS256 over a secret shared by the API and
 * the CLI (see loadSigningSecret), claims sub, role, org, iss, iat and exp, and a lifetime no longer
 * than the maximum. The secret becomes a KeyObject once, not on every request.
 */
export class AccessTokenService {
  private readonly key: KeyObject;
  readonly maxLifetimeSeconds: number;

  constructor(secret: string, maxLifetimeSeconds = parseTokenLifetime(DEFAULT_MAX_TOKEN_LIFETIME)) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.maxLifetimeSeconds = maxLifetimeSeconds;
  }

  issue(actor: AuthenticatedActor, options: IssueTokenOptions = {}): string {
    if (!isRole(actor.role)) throw new Error(`cannot issue a token for unknown role '${String(actor.role)}'`);
    if (actor.id.trim() === '') throw new Error('cannot issue a token without a subject');
    const orgs = readOrganisationClaim(actor.orgs, actor.role);
    if ('problem' in orgs) throw new Error(`cannot issue a token that ${orgs.problem}`);
    const lifetime = parseTokenLifetime(options.expiresIn ?? DEFAULT_TOKEN_LIFETIME);
    if (lifetime > this.maxLifetimeSeconds) throw new TokenLifetimeTooLong(lifetime, this.maxLifetimeSeconds);
    const iat = seconds(options.now ?? new Date());
    const claims: AccessTokenClaims = { sub: actor.id, role: actor.role, org: orgs.orgs, iss: TOKEN_ISSUER, iat, exp: iat + lifetime };
    const signed = `${base64url({ alg: ALGORITHM, typ: 'JWT' })}.${base64url(claims)}`;
    return `${signed}.${createHmac('sha256', this.key).update(signed).digest('base64url')}`;
  }

  /** The actor a token names, or AccessTokenRejected saying what is wrong with it. */
  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedActor> {
    try {
      refuseUnsigned(token);
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, currentDate: now });
      const actor = actorOf(payload, LOCAL_CLAIMS);
      // A token minted for years (by an older CLI, or by hand with the secret) is refused, not trusted.
      if (typeof payload.iat !== 'number' || (payload.exp as number) - payload.iat > this.maxLifetimeSeconds) {
        throw new AccessTokenRejected(
          'TOKEN_CLAIMS_INVALID',
          `bearer token lifetime is longer than the maximum ${this.maxLifetimeSeconds} s (or it has no iat)`,
        );
      }
      return actor;
    } catch (error) {
      const rejection = rejectionOf(error, { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER });
      throw rejection.code === 'TOKEN_SIGNATURE_INVALID' ? new AccessTokenRejected(rejection.code, SIGNATURE_INVALID_MESSAGE) : rejection;
    }
  }
}
