import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseError } from 'pg';
import { allowedMethods } from './contract-routes.js';
import { HttpError } from './http-error.js';
import { validationErrors } from './validation.js';

/** The URL path of a request, without its query string. */
function pathnameOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * The not-found handler: a path the contract serves with other methods → 405 with `Allow`; any
 * other path → 404. Both `{"detail": ...}`.
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const allowed = allowedMethods(pathnameOf(request));
  if (allowed.length > 0) {
    return reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
  }
  return reply.code(404).send({ detail: 'Not Found' });
}

/** SQLSTATE class 22 (data exception: a value PostgreSQL cannot take) and 23505 (unique violation). */
function isDataException(error: unknown): boolean {
  return error instanceof DatabaseError && typeof error.code === 'string' && error.code.startsWith('22');
}

/**
 * The error handler: every error body is `{"detail": ...}`.
 * - `HttpError` → its status and detail;
 * - a schema validation failure → 422 with the errors (`[{loc, msg, type}]`);
 * - malformed or unsupported bodies → 422; other client errors keep their 4xx status;
 * - a PostgreSQL data exception (a value the column cannot take) → 422: input never causes a 500;
 * - anything else → 500 `Internal Server Error`, logged (it is a bug).
 * On a path the contract does not serve, the 404/405 answer wins over a body error.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (request.is404) return notFoundHandler(request, reply);
  if (error instanceof HttpError) return reply.code(error.statusCode).send({ detail: error.detail });
  if (error.validation) {
    return reply.code(422).send({ detail: validationErrors(error.validation, error.validationContext) });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(422).send({ detail: 'Unsupported Content-Type' });
  if (isDataException(error)) return reply.code(422).send({ detail: 'Invalid input' });
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.code(status).send({ detail: error.message || 'Bad Request' });
  }
  // Errors are off the hot path: log them so a failing endpoint is diagnosable.
  console.error('unhandled error:', error);
  return reply.code(500).send({ detail: 'Internal Server Error' });
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (`/users/%zz`) or a parameter over
 * `maxParamLength`. On a path the contract serves with this method it is a malformed parameter
 * (422); otherwise 404/405 as for any unknown path.
 */
export function frameworkErrorHandler(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const allowed = allowedMethods(pathnameOf(request));
  if (allowed.includes(request.raw.method ?? '')) {
    void reply.code(422).send({ detail: 'Malformed path parameter' });
    return;
  }
  void notFoundHandler(request, reply);
}

function rawReply(status: number, reason: string, detail: string): string {
  const body = JSON.stringify({ detail });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Malformed HTTP (Node's `clientError`): answers 400, 408 or 431 with `{"detail": ...}` and closes
 * the connection, as Fastify's default does with its own body shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let reply: string;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') reply = rawReply(408, 'Request Timeout', 'Request Timeout');
  else if (error.code === 'HPE_HEADER_OVERFLOW') reply = rawReply(431, 'Request Header Fields Too Large', 'Request header fields too large');
  else reply = rawReply(400, 'Bad Request', 'Bad Request');
  if (socket.writable) socket.write(reply);
  socket.destroy();
}

/**
 * `CONNECT` never reaches Fastify (Node emits `connect` and, without a listener, drops the
 * socket): answer 405 like any other method the contract does not serve, then close.
 */
export function onConnect(_request: unknown, socket: Socket): void {
  if (socket.writable) socket.end(rawReply(405, 'Method Not Allowed', 'Method Not Allowed'));
  else socket.destroy();
}
