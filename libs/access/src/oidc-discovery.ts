import { IdentityProviderUnavailable } from './identity-provider.errors';

/** What fundledger reads of a provider's discovery document (OpenID Connect Discovery §3). */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly jwks_uri: string;
  readonly authorization_endpoint?: string;
  readonly token_endpoint?: string;
  readonly end_session_endpoint?: string;
  readonly code_challenge_methods_supported?: readonly string[];
  readonly token_endpoint_auth_methods_supported?: readonly string[];
}

/** Every call to the provider gives up after this long, so a hung provider cannot hold a request. */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** `<issuer>/.well-known/openid-configuration`, which must name the same issuer (Discovery §4.3) and its keys. */
export const discoverProvider = async (issuer: string): Promise<ProviderMetadata> => {
  const url = `${issuer}/.well-known/openid-configuration`;
  let document: Partial<Record<keyof ProviderMetadata, unknown>>;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new IdentityProviderUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (String(document.issuer).replace(/\/+$/, '') !== issuer || typeof document.jwks_uri !== 'string') {
    throw new IdentityProviderUnavailable(`${url} does not describe issuer ${issuer} with a jwks_uri`);
  }
  return document as ProviderMetadata;
};
