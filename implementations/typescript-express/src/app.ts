import express, { type Express, type Router } from 'express';
import type { Deps } from './deps.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { rejectOtherMethods } from './http/method-not-allowed.js';
import { aggregationRouter } from './routes/aggregation.js';
import { authRouter } from './routes/auth.js';
import { basicRouter } from './routes/basic.js';
import { bulkRouter } from './routes/bulk.js';
import { cachingRouter } from './routes/caching.js';
import { columnOverheadRouter } from './routes/column-overhead.js';
import { nPlusOneRouter } from './routes/n-plus-one.js';
import { paginationRouter } from './routes/pagination.js';
import { searchRouter } from './routes/search.js';
import { serverConfigRouter } from './routes/server-config.js';
import { transactionsRouter } from './routes/transactions.js';
import { usersRouter } from './routes/users.js';

/** Every endpoint group's router, in the order they are mounted. */
export function apiRouters(deps: Deps): Router[] {
  return [
    basicRouter(deps),
    paginationRouter(deps), // before usersRouter: /users/offset and /users/cursor win over /users/:id
    usersRouter(deps),
    columnOverheadRouter(deps),
    nPlusOneRouter(deps),
    bulkRouter(deps),
    transactionsRouter(deps),
    cachingRouter(deps),
    authRouter(deps),
    aggregationRouter(deps),
    serverConfigRouter(deps),
    searchRouter(deps),
  ];
}

/**
 * The Express application with production settings: no `X-Powered-By`, Express's default weak
 * ETag unless `etag: false` (the `no-etag` variant), no request logging, JSON bodies parsed by
 * `express.json()`. `res.json` always sets Content-Length, so nothing is sent chunked. Every
 * route answers other methods 405 with `Allow`; unknown paths 404; errors `{"detail"}`.
 */
export function createApp(routers: readonly Router[], options: { etag?: boolean } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', options.etag ?? true);
  app.use(jsonBody());
  for (const router of routers) app.use(rejectOtherMethods(router));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
