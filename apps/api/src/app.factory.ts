import { ConsoleLogger, INestApplication, LogLevel as NestLogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { version } from '../../../package.json';
import { AppModule } from './app.module';
import { requireJsonOnWrites } from './edge/content-type.check';
import { refuseForbiddenKeys, verifyJsonBytes } from './edge/json-body.checks';
import { securityHeaders } from './edge/security-headers';
import { PAGES_PREFIX, pagesEdge } from './pages/pages.edge';
import { translateJsonParseFailure } from './errors/malformed-json-body';
import type { ApiConfig, LogLevel } from './config/api.config';

const openApiDocument = () =>
  new DocumentBuilder()
    .setTitle('fundledger')
    .setDescription(
      'Event-sourced accounting for public grants and the match funding that stretches them. ' +
        'Every figure is a projection of immutable events and can be read as at any log position or time.',
    )
    .setVersion(version)
    .addBearerAuth()
    .build();

const NEST_LEVELS: readonly NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NEST_LEVEL_COUNT: Record<LogLevel, number> = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };

/**
 * Speaks until pino takes over, and for good if start-up fails before it does: JSON like pino, at the
 * configured level, so a failed start does not drop coloured text into a JSON log stream.
 */
const startupLogger = (level: LogLevel): ConsoleLogger =>
  new ConsoleLogger({ json: true, logLevels: NEST_LEVELS.slice(0, NEST_LEVEL_COUNT[level]) });

/**
 * The configured application, not yet listening: main.ts listens on it, the end-to-end tests drive it
 * with supertest. Start-up failures reject rather than abort the process.
 */
export const createApp = async (config: ApiConfig): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: startupLogger(config.logLevel),
    bufferLogs: true,
    abortOnError: false,
    // Only the JSON parser below: a form body would otherwise be parsed and recorded by other rules.
    bodyParser: false,
  });
  try {
    app.useLogger(app.get(Logger));
    // Naming the framework only helps someone looking for its vulnerabilities.
    app.disable('x-powered-by');
    app.use(securityHeaders());
    // Closed unless origins are listed: the API is called by tools and servers, not by other sites' pages.
    if (config.edge.corsOrigins.length > 0) app.enableCors({ origin: [...config.edge.corsOrigins] });
    // The pages take HTML forms under /app, with their own CSP, assets and form parser (pages.edge.ts).
    app.use(PAGES_PREFIX, pagesEdge(config.auth.oidc?.signIn === undefined ? [] : [new URL(config.auth.oidc.issuer).origin]));
    app.use(requireJsonOnWrites);
    // The one body parser; the middleware right after it turns a body that does not parse into the
    // one error shape's MALFORMED_JSON, and refuses prototype keys before validation walks the body.
    app.useBodyParser('json', { verify: verifyJsonBytes });
    app.use(translateJsonParseFailure);
    app.use(refuseForbiddenKeys);
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    // Built eagerly so that broken DTO metadata stops the start rather than the first visit to /docs.
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, openApiDocument()));
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
};
