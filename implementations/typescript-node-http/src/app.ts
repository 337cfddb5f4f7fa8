import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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
 * and maps failures to `{"detail": ...}`: unknown path → 404, known path with another method
 * → 405 with `Allow`, HttpError → its status, anything else → 500 (logged: it is a bug).
 */
export function createRequestListener(router: Router): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? EMPTY_QUERY : new URLSearchParams(url.slice(q + 1));
    const match = router.match(req.method ?? 'GET', path);
    if (match.kind === 'not-found') {
      sendJson(res, 404, { detail: 'Not Found' });
      return;
    }
    if (match.kind === 'method-not-allowed') {
      // TRACE, OPTIONS, HEAD and any other method the path does not serve.
      sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: match.allowed.join(', ') });
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

/** What `node:http` passes to a `clientError` listener. */
export interface ClientError extends Error {
  code?: string;
  /** The bytes received when parsing failed. */
  rawPacket?: Buffer;
  /** Where in `rawPacket` parsing failed. */
  bytesParsed?: number;
}

/** The path of the request line that failed to parse, or undefined when it cannot be read. */
export function failedRequestPath(error: ClientError): string | undefined {
  if (!error.rawPacket) return undefined;
  const text = error.rawPacket.toString('latin1');
  const at = Math.min(error.bytesParsed ?? 0, text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\r\n', start);
  const target = text.slice(start, end === -1 ? undefined : end).split(' ')[1];
  return target?.startsWith('/') ? target.split('?')[0] : undefined;
}

/**
 * Answers a request node:http's parser refuses before any listener runs. A method token the parser
 * does not know (e.g. `FUZZ`; QUERY and the standard methods parse) gets the answer of any other
 * method the path does not serve — 405 with `Allow` for a known path, else 404 — read from its
 * request line; any other parse error a JSON 400 (431 for oversized headers, 408 for a request
 * too slow to arrive). The connection is closed afterwards: the parser cannot resume.
 */
export function createClientErrorListener(router: Router): (error: ClientError, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    let status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    let allow = '';
    const path = error.code === 'HPE_INVALID_METHOD' ? failedRequestPath(error) : undefined;
    if (path !== undefined) {
      const match = router.match('', path); // no route serves the empty method: only the path counts
      status = match.kind === 'method-not-allowed' ? 405 : 404;
      if (match.kind === 'method-not-allowed') allow = `Allow: ${match.allowed.join(', ')}\r\n`;
    }
    const reason = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ detail: reason });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `${allow}Connection: close\r\n\r\n${body}`,
    );
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
