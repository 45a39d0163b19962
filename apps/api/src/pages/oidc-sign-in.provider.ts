import { OidcSignInClient, OidcTokenVerifier } from '@fundledger/access';
import type { FactoryProvider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { ApiConfig } from '../config/api.config';

/** The pages' client of the OpenID Connect provider, or null when FUNDLEDGER_OIDC_CLIENT_ID is unset. */
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');

/** Built on the API's own OidcTokenVerifier, so one set of keys and one claims mapping serve tokens and page sign-ins. */
export const oidcSignInProvider: FactoryProvider<OidcSignInClient | null> = {
  provide: OIDC_SIGN_IN,
  inject: [ConfigService, OidcTokenVerifier],
  useFactory: (config: ConfigService<ApiConfig, true>, verifier: OidcTokenVerifier | null) => {
    const oidc = config.get('auth', { infer: true }).oidc;
    if (oidc?.signIn === undefined || verifier === null) return null;
    return new OidcSignInClient({ ...oidc, signIn: oidc.signIn }, verifier);
  },
};

/**
 * The address the provider sends the browser back to: FUNDLEDGER_OIDC_REDIRECT_URL, or else this
 * request's own. The provider accepts only addresses registered for the client, so a forged Host
 * header cannot send a code elsewhere; behind a proxy that ends TLS, configure it.
 */
export const callbackUrl = (request: Request, config: ConfigService<ApiConfig, true>): string =>
  config.get('auth', { infer: true }).oidc?.signIn?.redirectUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}/app/sign-in/callback`;
