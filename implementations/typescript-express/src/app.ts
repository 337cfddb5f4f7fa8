import express, { type Express } from 'express';
import type { Deps } from './deps.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
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

/**
 * The Express application with production settings: no `X-Powered-By`, Express's default weak
 * ETag unless `etag: false` (the `no-etag` variant), no request logging, JSON bodies parsed by
 * `express.json()`. `res.json` always sets Content-Length, so nothing is sent chunked.
 */
export function createApp(deps: Deps, options: { etag?: boolean } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', options.etag ?? true);
  app.use(express.json());

  app.use(basicRouter(deps));
  app.use(paginationRouter(deps)); // before usersRouter: /users/offset and /users/cursor win over /users/:id
  app.use(usersRouter(deps));
  app.use(columnOverheadRouter(deps));
  app.use(nPlusOneRouter(deps));
  app.use(bulkRouter(deps));
  app.use(transactionsRouter(deps));
  app.use(cachingRouter(deps));
  app.use(authRouter(deps));
  app.use(aggregationRouter(deps));
  app.use(serverConfigRouter(deps));
  app.use(searchRouter(deps));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
