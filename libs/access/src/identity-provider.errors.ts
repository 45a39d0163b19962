/** The identity provider (its discovery document, keys or token endpoint) could not be reached: the service's problem, not the caller's. */
export class IdentityProviderUnavailable extends Error {
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';

  constructor(detail: string) {
    super(`the identity provider could not be reached: ${detail}`);
    this.name = 'IdentityProviderUnavailable';
  }
}
