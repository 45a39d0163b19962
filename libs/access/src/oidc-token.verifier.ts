import { createRemoteJWKSet, jwtVerify, errors, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from './auth.config';
import { actorOf, refuseUnsigned, rejectionOf } from './jwt-claims';
import type { AuthenticatedActor } from './organisation-scope';

/** Asymmetric only: an HMAC algorithm would let anyone holding the public JWKS forge a token. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

/** The identity provider (its discovery document or its keys) could not be reached: the service's problem, not the caller's. */
export class IdentityProviderUnavailable extends Error {
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';

  constructor(detail: string) {
    super(`the identity provider could not be reached: ${detail}`);
    this.name = 'IdentityProviderUnavailable';
  }
}

export interface JwksCachePolicy {
  /** How long fetched keys are trusted before they are fetched again (jose's cacheMaxAge). */
  readonly maxAgeMs: number;
  /** The least time between two fetches, so unknown key ids cannot make the service hammer the provider. */
  readonly cooldownMs: number;
}

/** A key removed from the provider's JWKS stops working within ten minutes, or at once when an unknown key id forces a fetch. */
export const DEFAULT_JWKS_CACHE: JwksCachePolicy = { maxAgeMs: 10 * 60_000, cooldownMs: 30_000 };

const FETCH_TIMEOUT_MS = 5_000;

/** `jwks_uri` from the issuer's discovery document, which must name the same issuer (OpenID Connect Discovery §4.3). */
const discoverJwksUrl = async (issuer: string): Promise<string> => {
  const url = `${issuer}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new IdentityProviderUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (String(document.issuer).replace(/\/+$/, '') !== issuer || typeof document.jwks_uri !== 'string') {
    throw new IdentityProviderUnavailable(`${url} does not describe issuer ${issuer} with a jwks_uri`);
  }
  return document.jwks_uri;
};

/**
 * Access tokens of an OpenID Connect provider: signature by a key of its JWKS (discovered or
 * configured, fetched and cached by jose), issuer, audience, expiry, then the role and organisations
 * from the configured claims.
 */
export class OidcTokenVerifier {
  private keys?: JWTVerifyGetKey;

  constructor(
    private readonly config: OidcConfig,
    private readonly cache: JwksCachePolicy = DEFAULT_JWKS_CACHE,
  ) {}

  get issuer(): string {
    return this.config.issuer;
  }

  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedActor> {
    const expected = { algorithms: OIDC_ALGORITHMS, issuer: this.config.issuer };
    try {
      refuseUnsigned(token);
      const { payload } = await jwtVerify(token, await this.keySet(), {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.config.issuer,
        audience: this.config.audience,
        currentDate: now,
      });
      return actorOf(payload, this.config.claims);
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
        throw new IdentityProviderUnavailable(error.message);
      }
      if (error instanceof IdentityProviderUnavailable) throw error;
      if (isFetchFailure(error)) throw new IdentityProviderUnavailable((error as Error).message);
      throw rejectionOf(error, expected);
    }
  }

  /** Discovered on first use and kept; a failed discovery is tried again by the next request. */
  private async keySet(): Promise<JWTVerifyGetKey> {
    if (this.keys === undefined) {
      const url = this.config.jwksUrl ?? (await discoverJwksUrl(this.config.issuer));
      this.keys = createRemoteJWKSet(new URL(url), {
        cacheMaxAge: this.cache.maxAgeMs,
        cooldownDuration: this.cache.cooldownMs,
        timeoutDuration: FETCH_TIMEOUT_MS,
      });
    }
    return this.keys;
  }
}

/** The JWKS could not be fetched: a socket error (ECONNREFUSED, …) or a status other than 200, as jose reports them. */
const isFetchFailure = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const { code } = error as NodeJS.ErrnoException;
  return /Expected 200 OK/.test(error.message) || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
};
