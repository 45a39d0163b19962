import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuditModule } from '@fundledger/audit';
import { EventStoreModule } from '@fundledger/event-store';
import { ReadModelsModule } from '@fundledger/projections';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { AuditRoutesModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AwardsModule } from './awards/awards.module';
import { CertificatesModule } from './certificates/certificates.module';
import type { ApiConfig } from './config/api.config';
import { RateLimitModule } from './edge/rate-limit.module';
import { redactRequestLog } from './edge/request-log.redaction';
import { DomainErrorFilter } from './errors/domain-error.filter';
import { HealthModule } from './health/health.module';
import { PagesModule } from './pages/pages.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { QueriesModule } from './queries/queries.module';
import { ReturnsModule } from './returns/returns.module';
import { ScopeModule } from './scope/scope.module';

/** A caller's request id is kept so one id follows a request across services; anything odd is replaced. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const requestId = (req: IncomingMessage, res: ServerResponse): string => {
  const offered = req.headers['x-request-id'];
  const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
};

@Module({})
export class AppModule {
  /** The configuration arrives validated (see loadApiConfig); `ConfigService<ApiConfig, true>` serves it. */
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => ({ ...config })],
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            timestamp: stdTimeFunctions.isoTime,
            genReqId: requestId,
            serializers: { req: redactRequestLog },
          },
        }),
        EventStoreModule.forRoot(config.store),
        RateLimitModule.forRoot(config.edge.rateLimits),
        AuthModule.forRoot(config.auth),
        ScopeModule,
        AuditModule.forRoot(config.signingKey, { loadKeyAtStart: true }),
        AuditRoutesModule,
        HealthModule,
        ProgrammesModule,
        AwardsModule,
        CertificatesModule,
        ReturnsModule,
        ReadModelsModule.forRoot(config.readModel),
        QueriesModule,
        PagesModule,
      ],
      // One error shape for every route, the unknown-route 404 and a body that is not JSON included.
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
