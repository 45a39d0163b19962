import { JsonWebTokenError, JwtService, NotBeforeError, TokenExpiredError } from '@nestjs/jwt';
import { AccessTokenRejected } from './access-token.errors';
import { Role, isRole } from './role.permissions';
import { DEFAULT_TOKEN_LIFETIME, parseTokenLifetime } from './token-lifetime';

export const TOKEN_ISSUER = 'fundledger';
/** One algorithm only: accepting whatever the header names is how `alg: none` tokens get in. */
const ALGORITHM = 'HS256';

/** Who is acting, as recorded in event metadata: the token's `sub` and `role`. */
export interface AuthenticatedActor {
  readonly id: string;
  readonly role: Role;
}

export interface IssueTokenOptions {
  /** `30m`, `8h`, `2d` or bare seconds; 8h when omitted. */
  readonly expiresIn?: string;
  /** The issuing instant; now when omitted. */
  readonly now?: Date;
}

export interface AccessTokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly iss: typeof TOKEN_ISSUER;
  readonly iat: number;
  readonly exp: number;
}

/**
 * The usual cause is no forgery but a token from `fundledger token` signed with another secret than
 * the service's: the caller is told what the two must share.
 */
export const SIGNATURE_INVALID_MESSAGE =
  'bearer token signature is invalid: it was not signed with this service\'s secret. A token from ' +
  '`fundledger token` is accepted only when the CLI and the service share FUNDLEDGER_JWT_SECRET or, when ' +
  'that is unset, the data directory (the same --db or FUNDLEDGER_DB), whose jwt-secret file signs the tokens';

const seconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);

const rejectionOf = (error: unknown): AccessTokenRejected => {
  if (error instanceof TokenExpiredError) {
    return new AccessTokenRejected('TOKEN_EXPIRED', `bearer token expired at ${error.expiredAt.toISOString()}`);
  }
  if (error instanceof NotBeforeError) {
    return new AccessTokenRejected('TOKEN_NOT_YET_VALID', `bearer token is not valid before ${error.date.toISOString()}`);
  }
  if (!(error instanceof JsonWebTokenError)) throw error;
  // jsonwebtoken tells its failures apart only by message.
  const reason = error.message;
  if (reason === 'invalid signature' || reason === 'jwt signature is required') {
    return new AccessTokenRejected('TOKEN_SIGNATURE_INVALID', SIGNATURE_INVALID_MESSAGE);
  }
  if (reason === 'invalid algorithm') {
    return new AccessTokenRejected('TOKEN_ALGORITHM_INVALID', `bearer token must be signed with ${ALGORITHM}`);
  }
  if (reason.startsWith('jwt issuer invalid')) {
    return new AccessTokenRejected('TOKEN_ISSUER_INVALID', `bearer token was not issued by ${TOKEN_ISSUER}`);
  }
  return new AccessTokenRejected('TOKEN_MALFORMED', `bearer token is malformed (${reason})`);
};

/**
 * Issues and checks the service's bearer tokens: HS256 over a secret shared by the API and the CLI
 * (see loadSigningSecret), claims sub, role, iss, iat and exp.
 */
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    this.jwt = new JwtService({ secret });
  }

  issue(actor: AuthenticatedActor, options: IssueTokenOptions = {}): string {
    if (!isRole(actor.role)) throw new Error(`cannot issue a token for unknown role '${String(actor.role)}'`);
    if (actor.id.trim() === '') throw new Error('cannot issue a token without a subject');
    const iat = seconds(options.now ?? new Date());
    const exp = iat + parseTokenLifetime(options.expiresIn ?? DEFAULT_TOKEN_LIFETIME);
    return this.jwt.sign({ sub: actor.id, role: actor.role, iat, exp }, { algorithm: ALGORITHM, issuer: TOKEN_ISSUER });
  }

  /** The actor a token names, or AccessTokenRejected saying what is wrong with it. */
  verify(token: string, now: Date = new Date()): AuthenticatedActor {
    let claims: Partial<Record<keyof AccessTokenClaims, unknown>>;
    try {
      claims = this.jwt.verify(token, { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, clockTimestamp: seconds(now) });
    } catch (error) {
      throw rejectionOf(error);
    }
    // jsonwebtoken checks exp only when present; a token without one would be valid forever.
    if (typeof claims.exp !== 'number') throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', 'bearer token has no expiry');
    if (typeof claims.sub !== 'string' || claims.sub.trim() === '') {
      throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', 'bearer token has no subject');
    }
    if (!isRole(claims.role)) {
      throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token names unknown role ${JSON.stringify(claims.role)}`);
    }
    return { id: claims.sub, role: claims.role };
  }
}
