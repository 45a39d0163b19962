import {
  AccessTokenService,
  SigningSecretSource,
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
  static forRoot(source: SigningSecretSource): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: AccessTokenService,
          useFactory: () => {
            const tokens = new AccessTokenService(loadSigningSecret(source));
            new Logger(AuthModule.name).log(`bearer tokens are checked against ${describeSigningSecretSource(source)}`);
            return tokens;
          },
        },
        { provide: APP_GUARD, useClass: BearerTokenGuard },
      ],
      exports: [AccessTokenService],
    };
  }
}
