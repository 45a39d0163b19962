import { createHash, randomBytes } from 'node:crypto';
import { AccessTokenRejected } from './access-token.errors';
import type { OidcConfig, OidcSignInConfig } from './auth.config';
import { IdentityProviderUnavailable } from './identity-provider.errors';
import { discoverProvider, PROVIDER_TIMEOUT_MS, type ProviderMetadata } from './oidc-discovery';
import type { OidcTokenVerifier } from './oidc-token.verifier';
import type { AuthenticatedActor } from './organisation-scope';

export type OidcSignInFailureCode =
  | 'SIGN_IN_NOT_STARTED'
  | 'SIGN_IN_STATE_MISMATCH'
  | 'SIGN_IN_ISSUER_MISMATCH'
  | 'SIGN_IN_REFUSED_BY_PROVIDER'
  | 'SIGN_IN_CODE_MISSING'
  | 'SIGN_IN_CODE_REFUSED'
  | 'SIGN_IN_ID_TOKEN_MISSING'
  | 'SIGN_IN_ID_TOKEN_REJECTED'
  | 'SIGN_IN_PROVIDER_UNSUITABLE';

/** Why a sign-in through the provider signed nobody in; the message is fit to show the person. */
export class OidcSignInFailed extends Error {
  constructor(
    readonly code: OidcSignInFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'OidcSignInFailed';
  }
}

/** What a sign-in keeps on the server between the redirect to the provider and its answer. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  /** PKCE (RFC 7636): only the holder of this verifier can redeem the code the provider sends back. */
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

/** The query string the provider's redirect brings back to the callback. */
export interface SignInCallback {
  readonly code?: string;
  readonly state?: string;
  readonly iss?: string;
  readonly error?: string;
  readonly error_description?: string;
}

const secret = (): string => randomBytes(32).toString('base64url');
const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/**
 * The authorization-code flow with PKCE (OpenID Connect Core §3.1) for the pages, on jose and fetch:
 * discovery, the redirect to the provider, the code redeemed at the token endpoint with the client's
 * secret, and the ID token checked by the API's own OidcTokenVerifier, so a person signed in to the
 * pages has exactly the role and organisations a bearer token with the same claims would give.
 * Not openid-client: its v6 is ESM-only on jose 6 (a second jose beside the API's 5), and v5 checks ID
 * tokens with its own bundled jose 4, so either would put a second verifier beside the API's.
 */
export class OidcSignInClient {
  private metadata?: Promise<ProviderMetadata>;

  constructor(
    private readonly config: OidcConfig & { readonly signIn: OidcSignInConfig },
    private readonly verifier: OidcTokenVerifier,
  ) {}

  get issuer(): string {
    return this.config.issuer;
  }

  /** Where to send the browser, and what to keep until it comes back. */
  async begin(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const provider = await this.provider();
    if (provider.authorization_endpoint === undefined || provider.token_endpoint === undefined) {
      throw new OidcSignInFailed('SIGN_IN_PROVIDER_UNSUITABLE', `the identity provider ${this.issuer} publishes no authorization or token endpoint`);
    }
    const methods = provider.code_challenge_methods_supported;
    if (methods !== undefined && !methods.includes('S256')) {
      throw new OidcSignInFailed('SIGN_IN_PROVIDER_UNSUITABLE', `the identity provider ${this.issuer} does not offer PKCE with S256, which this service requires`);
    }
    const pending: PendingSignIn = { state: secret(), nonce: secret(), codeVerifier: secret(), redirectUri };
    const url = new URL(provider.authorization_endpoint);
    const parameters = {
      response_type: 'code',
      client_id: this.config.signIn.clientId,
      redirect_uri: redirectUri,
      scope: 'openid',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: s256(pending.codeVerifier),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return { url: url.href, pending };
  }

  /** The provider's answer for the pending sign-in: the person it names, or OidcSignInFailed / IdentityProviderUnavailable. */
  async complete(callback: SignInCallback, pending: PendingSignIn, now: Date = new Date()): Promise<AuthenticatedActor> {
    if (callback.state !== pending.state) {
      throw new OidcSignInFailed('SIGN_IN_STATE_MISMATCH', "the answer from the identity provider does not belong to this browser's sign-in (its state differs)");
    }
    // RFC 9207: a provider that names itself must be ours, or the code may be meant for another provider.
    if (callback.iss !== undefined && callback.iss.replace(/\/+$/, '') !== this.issuer) {
      throw new OidcSignInFailed('SIGN_IN_ISSUER_MISMATCH', `the answer came from ${callback.iss}, not from ${this.issuer}`);
    }
    if (callback.error !== undefined) {
      const description = callback.error_description === undefined ? '' : `: ${callback.error_description}`;
      throw new OidcSignInFailed('SIGN_IN_REFUSED_BY_PROVIDER', `the identity provider did not sign you in (${callback.error}${description})`);
    }
    if (callback.code === undefined || callback.code === '') {
      throw new OidcSignInFailed('SIGN_IN_CODE_MISSING', 'the identity provider sent no authorization code');
    }
    const idToken = await this.redeem(callback.code, pending);
    try {
      return await this.verifier.verifyIdToken(idToken, { clientId: this.config.signIn.clientId, nonce: pending.nonce }, now);
    } catch (error) {
      if (!(error instanceof AccessTokenRejected)) throw error;
      throw new OidcSignInFailed('SIGN_IN_ID_TOKEN_REJECTED', `the ID token from the identity provider was refused: ${error.message.replace(/^bearer token/, 'the token')} (${error.code})`);
    }
  }

  /** RP-Initiated Logout 1.0: the provider's sign-out page, when it offers one, coming back to the given address. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<string | undefined> {
    const endpoint = (await this.provider()).end_session_endpoint;
    if (endpoint === undefined) return undefined;
    const url = new URL(endpoint);
    url.searchParams.set('client_id', this.config.signIn.clientId);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
    return url.href;
  }

  /** The code, the PKCE verifier and the client's credentials for the ID token (Core §3.1.3.1–3.1.3.3). */
  private async redeem(code: string, pending: PendingSignIn): Promise<string> {
    const provider = await this.provider();
    const { clientId, clientSecret } = this.config.signIn;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, code_verifier: pending.codeVerifier });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const auth = provider.token_endpoint_auth_methods_supported;
    if (auth !== undefined && !auth.includes('client_secret_basic') && auth.includes('client_secret_post')) {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    } else {
      // RFC 6749 §2.3.1: each part form-encoded before Basic's base64.
      const basic = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
    }
    let status: number;
    let body: { id_token?: unknown; error?: unknown; error_description?: unknown };
    try {
      const response = await fetch(String(provider.token_endpoint), { method: 'POST', headers, body: form, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS), redirect: 'error' });
      status = response.status;
      body = (await response.json().catch(() => ({}))) as typeof body;
    } catch (error) {
      throw new IdentityProviderUnavailable(error instanceof Error ? error.message : String(error));
    }
    if (status >= 500) throw new IdentityProviderUnavailable(`its token endpoint answered ${status}`);
    if (status !== 200) {
      const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      throw new OidcSignInFailed('SIGN_IN_CODE_REFUSED', `the identity provider would not redeem the sign-in code (${String(body.error ?? status)}${description})`);
    }
    if (typeof body.id_token !== 'string') throw new OidcSignInFailed('SIGN_IN_ID_TOKEN_MISSING', 'the identity provider answered without an ID token');
    return body.id_token;
  }

  /** Discovered once; a failed discovery is tried again by the next sign-in. */
  private provider(): Promise<ProviderMetadata> {
    if (this.metadata === undefined) {
      this.metadata = discoverProvider(this.issuer);
      this.metadata.catch(() => {
        this.metadata = undefined;
      });
    }
    return this.metadata;
  }
}
