import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppDeps } from './deps.js';
import { HttpError, sendJson } from './http.js';
import { Router } from './router.js';
import { registerAggregationRoutes } from './routes/aggregation.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerBasicRoutes } from './routes/basic.js';
import { registerBulkRoutes } from './routes/bulk.js';
import { registerCachingRoutes } from './routes/caching.js';
import { registerColumnOverheadRoutes } from './routes/column-overhead.js';
import { registerNPlusOneRoutes } from './routes/n-plus-one.js';
import { registerPaginationRoutes } from './routes/pagination.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerServerConfigRoutes } from './routes/server-config.js';
import { registerTransactionRoutes } from './routes/transactions.js';

/** Builds the router with every endpoint of the contract (60 routes). */
export function createRouter(deps: AppDeps): Router {
  const router = new Router();
  registerBasicRoutes(router, deps);
  registerPaginationRoutes(router, deps);
  registerColumnOverheadRoutes(router, deps);
  registerNPlusOneRoutes(router, deps);
  registerBulkRoutes(router, deps);
  registerTransactionRoutes(router, deps);
  registerCachingRoutes(router, deps);
  registerAuthRoutes(router, deps);
  registerAggregationRoutes(router, deps);
  registerServerConfigRoutes(router, deps);
  registerSearchRoutes(router, deps);
  return router;
}

const EMPTY_QUERY = new URLSearchParams();

/**
 * Turns a router into a `node:http` request listener: splits path and query, dispatches,
 * and maps failures to `{"detail": ...}` (HttpError → its status, anything else → 500, logged).
 */
export function createRequestListener(router: Router): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? EMPTY_QUERY : new URLSearchParams(url.slice(q + 1));
    const match = router.match(req.method ?? 'GET', path);
    if (match.kind !== 'found') {
      const status = match.kind === 'not-found' ? 404 : 405;
      sendJson(res, status, { detail: status === 404 ? 'Not Found' : 'Method Not Allowed' });
      return;
    }
    try {
      const pending = match.handler({ req, res, params: match.params, query });
      if (pending) pending.catch((error: unknown) => sendError(res, error));
    } catch (error) {
      sendError(res, error);
    }
  };
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, { detail: error.detail });
    return;
  }
  // Errors are off the hot path: log them so a failing endpoint is diagnosable.
  console.error('unhandled error:', error);
  sendJson(res, 500, { detail: 'Internal Server Error' });
}
