import {
  AccessTokenService,
  AuthConfig,
  BearerTokenVerifier,
  OidcTokenVerifier,
  describeSigningSecretSource,
  loadSigningSecret,
} from '@fundledger/access';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BearerTokenGuard } from './bearer-token.guard';

/**
 * Bearer-token authentication and role permissions for every route. The signing secret is loaded (and,
 * on first start, created) while the application starts, so a bad secret stops the start.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        // Shared with the pages' sign-in (null without a provider): one key cache, one claims mapping.
        { provide: OidcTokenVerifier, useFactory: () => (config.oidc === undefined ? null : new OidcTokenVerifier(config.oidc)) },
        {
          provide: BearerTokenVerifier,
          inject: [OidcTokenVerifier],
          useFactory: (oidc: OidcTokenVerifier | null) => {
            const logger = new Logger(AuthModule.name);
            const secret = loadSigningSecret(config.secret, (warning) => logger.warn(warning));
            const local = new AccessTokenService(secret, config.maxTokenLifetimeSeconds);
            logger.log(`local bearer tokens are checked against ${describeSigningSecretSource(config.secret)}`);
            if (config.oidc === undefined || oidc === null) return new BearerTokenVerifier(local);
            logger.log(`OpenID Connect tokens of ${config.oidc.issuer} (audience ${config.oidc.audience}) are accepted`);
            return new BearerTokenVerifier(local, oidc);
          },
        },
        { provide: APP_GUARD, useClass: BearerTokenGuard },
      ],
      exports: [BearerTokenVerifier, OidcTokenVerifier],
    };
  }
}
