import { decodeJwt } from 'jose';
import { AccessTokenRejected } from './access-token.errors';
import { AccessTokenService, TOKEN_ISSUER } from './access-token.service';
import type { AuthenticatedActor } from './organisation-scope';
import type { OidcTokenVerifier } from './oidc-token.verifier';

/**
 * Every bearer token the API accepts: its own local tokens (`iss: fundledger`) and, when one is
 * configured, the OpenID Connect provider's. The unverified `iss` only chooses which verifier checks
 * the token; each then verifies signature, issuer and claims itself.
 */
export class BearerTokenVerifier {
  constructor(
    private readonly local: AccessTokenService,
    private readonly oidc?: OidcTokenVerifier,
  ) {}

  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedActor> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw new AccessTokenRejected('TOKEN_MALFORMED', `bearer token is malformed (${(error as Error).message})`);
    }
    if (this.oidc !== undefined && issuer === this.oidc.issuer) return this.oidc.verify(token, now);
    if (issuer === TOKEN_ISSUER || this.oidc === undefined) return this.local.verify(token, now);
    throw new AccessTokenRejected('TOKEN_ISSUER_INVALID', `bearer token was not issued by ${TOKEN_ISSUER} or ${this.oidc.issuer}`);
  }
}
