import 'reflect-metadata';
import { HttpStatus, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule, type AppOptions } from './app.module.js';
import { ErrorFilter, toErrorResponse } from './common/error.filter.js';
import { ApiError } from './common/errors.js';
import { noStoreByDefault } from './common/cache.js';
import { NestJsonLogger } from './common/nest-logger.js';
import { logRequests } from './common/request-log.js';
import {
  assignRequestId,
  openRequestContext,
  REQUEST_ID_HEADER,
} from './common/request-context.js';
import { refuseUnsafeUrl } from './common/safe-url.js';
import type { AppConfig } from './config/config.js';
import type { Database } from './database/data-source.js';
import { Lifecycle } from './server/shutdown.js';
import { applyServerTimeouts, requestDeadline } from './server/timeouts.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes must be JSON (or multipart uploads, on the routes that take files): a cross-site
 * HTML form cannot send either without a CORS preflight, which closes the CSRF door for the
 * public endpoints that have no session token yet.
 */
function requireJsonWrites(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding');
  if (
    !WRITE_METHODS.has(req.method) ||
    !hasBody ||
    req.is(['application/json', 'multipart/form-data'])
  ) {
    next();
    return;
  }
  const { status, body } = toErrorResponse(
    new ApiError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-media-type',
      'Envoyez les données au format JSON (Content-Type: application/json).',
    ),
  );
  res.status(status).json(body);
}

export function buildOpenApi(app: INestApplication) {
  const document = new DocumentBuilder()
    .setTitle('API Numérique en Commun[s]')
    .setDescription(
      'Back-office des appels NEC : comptes, structures, campagnes, dossiers. Chaque route est décrite par le contrat @nec/contracts (schémas dérivés de @nec/domain) : paramètres, corps, réponse et erreurs (forme unique).',
    )
    .setVersion('1')
    .addCookieAuth('nec_session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
    .build();
  return SwaggerModule.createDocument(app, document);
}

/** The OpenAPI UI is on unless switched off; by default off in production. */
export const openApiUiEnabled = (config: AppConfig): boolean =>
  config.NEC_OPENAPI_UI ?? config.NODE_ENV !== 'production';

/** Builds the configured application (not listening): used by `main.ts` and by the tests. */
export async function createApp(
  config: AppConfig,
  database: Database,
  options: AppOptions = {},
  lifecycle: Lifecycle = new Lifecycle(),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.create(config, database, options),
    { bodyParser: false, bufferLogs: true },
  );
  // Nest's logs and one line per request, as JSON, through the database's logger.
  app.useLogger(new NestJsonLogger(database.logger));
  applyServerTimeouts(app.getHttpServer(), config);
  // First: every request gets its id (X-Request-Id), is counted (graceful shutdown) and slow
  // senders are cut before anything else.
  app.use(assignRequestId);
  app.use(logRequests(database.logger));
  app.use(lifecycle.middleware);
  app.use(requestDeadline(config.NEC_REQUEST_TIMEOUT_MS));
  if (config.NEC_TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(helmet());
  app.enableCors({
    origin: config.NEC_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    credentials: true,
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
  });
  app.use(noStoreByDefault);
  app.use(refuseUnsafeUrl);
  app.use(requireJsonWrites);
  app.useBodyParser('json', { limit: config.NEC_BODY_LIMIT });
  app.use(cookieParser());
  // After the parsers (their callbacks would lose it): what logs and audit rows say of the request.
  app.use(openRequestContext);
  app.useGlobalFilters(new ErrorFilter());
  // No `enableShutdownHooks()`: main.ts stops the process itself (server/shutdown.ts).
  // Built once, on first demand, and served where tools look first as well as at its old address.
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  const document = () => (openApi ??= buildOpenApi(app));
  // The interactive UI can be switched off (NEC_OPENAPI_UI, off by default in production); the
  // JSON document stays: it only says what the public contract already says (docs/security.md).
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    ui: openApiUiEnabled(config),
    raw: ['json'],
  });
  app.use('/api/docs-json', (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/') res.json(document());
    else next();
  });
  await app.init();
  return app;
}
