import { createRemoteJWKSet, jwtVerify, errors, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AccessTokenRejected } from './access-token.errors';
import { IdentityProviderUnavailable } from './identity-provider.errors';
import { discoverProvider, PROVIDER_TIMEOUT_MS } from './oidc-discovery';
import type { OidcConfig } from './auth.config';
import { actorOf, refuseUnsigned, rejectionOf } from './jwt-claims';
import type { AuthenticatedActor } from './organisation-scope';

/** Asymmetric only: an HMAC algorithm would let anyone holding the public JWKS forge a token. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface JwksCachePolicy {
  /** How long fetched keys are trusted before they are fetched again (jose's cacheMaxAge). */
  readonly maxAgeMs: number;
  /** The least time between two fetches, so unknown key ids cannot make the service hammer the provider. */
  readonly cooldownMs: number;
}

/** A key removed from the provider's JWKS stops working within ten minutes, or at once when an unknown key id forces a fetch. */
export const DEFAULT_JWKS_CACHE: JwksCachePolicy = { maxAgeMs: 10 * 60_000, cooldownMs: 30_000 };

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

  /** An access token for the API: audience FUNDLEDGER_OIDC_AUDIENCE. */
  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedActor> {
    return actorOf(await this.verifiedClaims(token, this.config.audience, now), this.config.claims);
  }

  /**
   * The ID token of a page sign-in (OpenID Connect Core §3.1.3.7): the same keys, issuer, expiry and
   * claims mapping as an access token, but issued to the pages' client, for this sign-in's nonce.
   */
  async verifyIdToken(idToken: string, expected: { readonly clientId: string; readonly nonce: string }, now: Date = new Date()): Promise<AuthenticatedActor> {
    const payload = await this.verifiedClaims(idToken, expected.clientId, now);
    // Several audiences: the token must say it was issued to this client (azp), or another could replay it here.
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) {
      throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', `ID token has several audiences and was not issued to ${expected.clientId} (azp)`);
    }
    if (payload.nonce !== expected.nonce) {
      throw new AccessTokenRejected('TOKEN_CLAIMS_INVALID', 'ID token nonce is not the one this sign-in sent: it belongs to another sign-in');
    }
    return actorOf(payload, this.config.claims);
  }

  private async verifiedClaims(token: string, audience: string, now: Date): Promise<JWTPayload> {
    const expected = { algorithms: OIDC_ALGORITHMS, issuer: this.config.issuer };
    try {
      refuseUnsigned(token);
      const { payload } = await jwtVerify(token, await this.keySet(), {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.config.issuer,
        audience,
        currentDate: now,
      });
      return payload;
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
      const url = this.config.jwksUrl ?? (await discoverProvider(this.config.issuer)).jwks_uri;
      this.keys = createRemoteJWKSet(new URL(url), {
        cacheMaxAge: this.cache.maxAgeMs,
        cooldownDuration: this.cache.cooldownMs,
        timeoutDuration: PROVIDER_TIMEOUT_MS,
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
