import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryFailedError } from 'typeorm';
import { RouteTable } from './route-table';

/** A response the filter sends: status, `{"detail": ...}` and extra headers. */
export interface ErrorReply {
  status: number;
  detail: string | unknown[];
  headers?: Record<string, string>;
}

/** SQLSTATE of a unique violation (the users' email). */
const UNIQUE_VIOLATION = '23505';

/**
 * The one exception filter (`APP_FILTER`): every error leaves as the contract's
 * `{"detail": <string or validation issues>}` on both platforms.
 *
 * - `HttpException` (Nest's own, thrown by services, guards and the `ValidationPipe`): its
 *   status and message; 400 becomes 422 (the contract's "invalid input").
 * - Nest's not-found handler (no route matched): 405 with `Allow` when the path exists under
 *   other methods (`RouteTable`), else 404 `Not Found`.
 * - A `QueryFailedError` of TypeORM: unique violation → 409 `Email already exists`; a data
 *   exception (SQLSTATE class 22: value out of range, too long, bad text) → 422.
 * - A platform error carrying a 4xx status (body parser limits, Fastify's content-type parser):
 *   that status (400 and 415 → 422).
 * - Anything else is a bug: 500 `Internal Server Error`, logged.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: RouteTable,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const ctx = host.switchToHttp();
    const request: unknown = ctx.getRequest();
    const response: unknown = ctx.getResponse();
    const reply = this.toReply(exception, String(httpAdapter.getRequestMethod(request)), String(httpAdapter.getRequestUrl(request)));
    if (httpAdapter.isHeadersSent(response)) {
      httpAdapter.end(response);
      return;
    }
    for (const [name, value] of Object.entries(reply.headers ?? {})) httpAdapter.setHeader(response, name, value);
    keepAliveAfterParsedBody(request, response);
    httpAdapter.reply(response, { detail: reply.detail }, reply.status);
  }

  /** The response for `exception` raised by `method url`. */
  toReply(exception: unknown, method: string, url: string): ErrorReply {
    // A method the path does not serve is a 405 whatever else the platform tripped on first
    // (Fastify checks a QUERY request's Content-Type before it routes).
    const allowed = this.routes.allowedMethods(url);
    if (allowed.length > 0 && !allowed.includes(method)) return { status: 405, detail: 'Method Not Allowed', headers: { allow: allowed.join(', ') } };
    if (exception instanceof NotFoundException && allowed.length === 0) return { status: 404, detail: 'Not Found' };
    if (exception instanceof HttpException) return { status: clientStatus(exception.getStatus()), detail: detailOf(exception.getResponse()) };
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: unknown } | undefined)?.code;
      if (code === UNIQUE_VIOLATION) return { status: HttpStatus.CONFLICT, detail: 'Email already exists' };
      if (typeof code === 'string' && code.startsWith('22')) return { status: HttpStatus.UNPROCESSABLE_ENTITY, detail: exception.message };
    }
    const status = platformStatus(exception);
    if (status !== undefined) return { status: clientStatus(status), detail: messageOf(exception) };
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, detail: 'Internal Server Error' };
  }
}

/**
 * Fastify marks the reply `Connection: close` whenever its body parser fails, as the client may
 * still be sending. When the body was read to its end (malformed JSON), the connection is as
 * good as after any other 422: the header is dropped, so it stays open as on Express. A body
 * left unread (over the size limit) keeps the close.
 */
function keepAliveAfterParsedBody(request: unknown, response: unknown): void {
  const raw = (request as { raw?: { complete?: boolean } }).raw;
  const reply = response as { getHeader?: (name: string) => unknown; removeHeader?: (name: string) => void };
  if (raw?.complete === true && typeof reply.removeHeader === 'function' && reply.getHeader?.('connection') === 'close') {
    reply.removeHeader('connection');
  }
}

/** 400 (bad request) and 415 (unsupported media type) are "invalid input" in the contract: 422. */
function clientStatus(status: number): number {
  return status === HttpStatus.BAD_REQUEST || status === HttpStatus.UNSUPPORTED_MEDIA_TYPE ? HttpStatus.UNPROCESSABLE_ENTITY : status;
}

/** The `detail` of an `HttpException` response: its `detail`, else its `message` (the ValidationPipe's list), else the text. */
export function detailOf(response: string | object): string | unknown[] {
  if (typeof response === 'string') return response;
  const body = response as { detail?: unknown; message?: unknown };
  for (const value of [body.detail, body.message]) {
    if (typeof value === 'string' || Array.isArray(value)) return value;
  }
  return 'Error';
}

/** The 4xx status a platform error carries (`status` for body-parser, `statusCode` for Fastify), if any. */
function platformStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
  const value = typeof statusCode === 'number' ? statusCode : status;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

function messageOf(exception: unknown): string {
  const message = (exception as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : 'Bad Request';
}
