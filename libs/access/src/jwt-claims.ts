import { decodeProtectedHeader, errors, type JWTPayload } from 'jose';
import { AccessTokenRejected } from './access-token.errors';
import { type AuthenticatedActor, readOrganisationClaim } from './organisation-scope';
import { isRole } from './role.permissions';

/** What a failed jose verification means for the caller, as AccessTokenRejected (messages fit to return). */
export const rejectionOf = (error: unknown, expected: { algorithms: readonly string[]; issuer: string }): AccessTokenRejected => {
  if (error instanceof AccessTokenRejected) return error;
  if (error instanceof errors.JWTExpired) {
    const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : 'its expiry';
    return new AccessTokenRejected('TOKEN_EXPIRED', `bearer token expired at ${exp}`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AccessTokenRejected('TOKEN_ISSUER_INVALID', `bearer token was not issued by ${expected.issuer}`);
    if (error.claim === 'nbf' && typeof error.payload.nbf === 'number') {
      return new AccessTokenRejected('TOKEN_NOT_YET_VALID', `bearer token is not valid before ${new Date(error.payload.nbf * 1000).toISOString()}`);
    }
    return new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token claim ${error.claim} is invalid (${error.reason})`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AccessTokenRejected('TOKEN_ALGORITHM_INVALID', `bearer token must be signed with ${expected.algorithms.join(' or ')}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AccessTokenRejected('TOKEN_SIGNATURE_INVALID', 'bearer token signature is invalid');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AccessTokenRejected('TOKEN_SIGNATURE_INVALID', "bearer token is signed with a key the issuer's JWKS does not hold (rotated out, or never its own)");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof TypeError) {
    return new AccessTokenRejected('TOKEN_MALFORMED', `bearer token is malformed (${error.message})`);
  }
  throw error;
};

/** `alg: none` is not an algorithm choice but the absence of a signature, and is answered as such. */
export const refuseUnsigned = (token: string): void => {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch (error) {
    throw new AccessTokenRejected('TOKEN_MALFORMED', `bearer token is malformed (${(error as Error).message})`);
  }
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    throw new AccessTokenRejected('TOKEN_SIGNATURE_INVALID', 'bearer token signature is invalid (it is unsigned)');
  }
};

/** Claim names differ between providers (Entra ID puts app roles in `roles`, an org id in a custom claim). */
export interface ClaimNames {
  readonly role: string;
  readonly org: string;
}

export const LOCAL_CLAIMS: ClaimNames = { role: 'role', org: 'org' };

/** `sub`, role and organisations from verified claims; an array role claim must hold exactly one known role. */
export const actorOf = (payload: JWTPayload, claims: ClaimNames): AuthenticatedActor => {
  if (typeof payload.exp !== 'number') throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', 'bearer token has no expiry');
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
    throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', 'bearer token has no subject');
  }
  const rawRole = payload[claims.role];
  // Said plainly, naming the claim: a provider not yet set up to send roles is the usual cause.
  if (rawRole === undefined) throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token has no role: its ${claims.role} claim is missing`);
  const roles = (Array.isArray(rawRole) ? rawRole : [rawRole]).filter(isRole);
  if (roles.length > 1) {
    // Separation of duties: one token, one role, however the provider groups them.
    throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token names more than one role: ${roles.join(', ')}`);
  }
  if (roles.length === 0) {
    throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token names unknown role ${JSON.stringify(rawRole)}`);
  }
  const [role] = roles;
  const orgs = readOrganisationClaim(payload[claims.org], role);
  if ('problem' in orgs) throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `bearer token ${orgs.problem}`);
  return { id: payload.sub, role, orgs: orgs.orgs };
};
