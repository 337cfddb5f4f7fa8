import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES, installBodyParsers } from './body.js';
import type { AppDeps } from './deps.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler, onConnect } from './errors.js';
import { aggregationRoutes } from './routes/aggregation.js';
import { authRoutes } from './routes/auth.js';
import { basicRoutes } from './routes/basic.js';
import { bulkRoutes } from './routes/bulk.js';
import { cachingRoutes } from './routes/caching.js';
import { columnOverheadRoutes } from './routes/column-overhead.js';
import { nPlusOneRoutes } from './routes/n-plus-one.js';
import { paginationRoutes } from './routes/pagination.js';
import { searchRoutes } from './routes/search.js';
import { serverConfigRoutes } from './routes/server-config.js';
import { transactionRoutes } from './routes/transactions.js';
import { compileValidator } from './validation.js';

/** Idle keep-alive connections are closed after this many ms (the baseline's value). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Builds the Fastify app with every endpoint of the contract (60 routes); `listen` or `ready`
 * compiles the schemas.
 * Production settings: no logger (nothing per request on the hot path), the baseline's
 * keep-alive timeout, Node's default request timeout, bodies up to 1 MiB.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: 300_000,
    bodyLimit: BODY_LIMIT_BYTES,
    // Long path parameters reach the schema (422) instead of the router's 414.
    routerOptions: { maxParamLength: 8192 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  app.server.on('connect', onConnect);

  app.setValidatorCompiler(compileValidator);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  installBodyParsers(app);
  // Streams parts to the handler; a file over 1 MiB (the body limit) is a 413.
  await app.register(fastifyMultipart, { limits: { fileSize: BODY_LIMIT_BYTES, parts: 100 } });

  for (const routes of [
    basicRoutes,
    paginationRoutes,
    columnOverheadRoutes,
    nPlusOneRoutes,
    bulkRoutes,
    transactionRoutes,
    cachingRoutes,
    authRoutes,
    aggregationRoutes,
    serverConfigRoutes,
    searchRoutes,
  ]) {
    await app.register(routes, deps);
  }
  return app;
}
