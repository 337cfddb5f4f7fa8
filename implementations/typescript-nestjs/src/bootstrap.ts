import multipart from '@fastify/multipart';
import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import express from 'express';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RouteTable } from './common/route-table';
import type { AppConfig } from './config/app-config';
import { UPLOAD_LIMITS } from './upload/upload-limits';

/** Nest's logger levels in production: nothing per request, startup errors and warnings only. */
export const LOG_LEVELS: LogLevel[] = ['error', 'warn'];

/** Largest JSON or urlencoded request body, on both platforms (Fastify's default). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** How long an idle keep-alive connection stays open, on both platforms. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * A request Node's HTTP parser rejects (malformed request line or headers, headers too large):
 * a JSON `{"detail"}` 400 (431 for oversized headers) with Content-Length, then the connection
 * closes, the same on both platforms. A socket already answering a request is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !socket.writable || busy) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ detail: STATUS_CODES[status] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The Nest application on the configured platform, with the same production behaviour on both:
 * no request logging, each platform's own ETag default (Express's weak ETag, which a Nest app on
 * Express keeps; Fastify has none), no `X-Powered-By`, case-sensitive paths with an optional trailing slash, 1 MiB bodies, the same
 * keep-alive timeout and parser-error answer. `root` is the module to serve (tests pass a smaller one).
 */
export async function createApp(config: AppConfig, root: DynamicModule): Promise<INestApplication> {
  if (config.platform === 'fastify') {
    let routes: RouteTable | undefined;
    const adapter = new FastifyAdapter({
      logger: false,
      bodyLimit: BODY_LIMIT_BYTES,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // Express takes a path parameter of any length; Fastify's default (100) would make a long id a 404.
      routerOptions: { ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 10_000 },
      // `__proto__` / `constructor.prototype` keys are dropped, as the ValidationPipe drops them on Express.
      onProtoPoisoning: 'remove',
      onConstructorPoisoning: 'remove',
      clientErrorHandler: answerClientError,
      // A path Fastify's router cannot decode (`/users/%ZZ`), or a method it does not route, never
      // reaches Nest: answered as Express answers it (a bad parameter: 422; an unserved method:
      // 405 with Allow; an unknown path: 404).
      frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
        const allowed = routes?.allowedMethods(request.url) ?? [];
        if (allowed.length === 0) return void reply.code(404).send({ detail: 'Not Found' });
        // A method the path does not serve (e.g. QUERY, which Fastify's router refuses itself): 405, as on Express.
        if (!allowed.includes(request.method)) return void reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
        void reply.code(422).send({ detail: error.message });
      },
    });
    const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { logger: LOG_LEVELS });
    routes = app.get(RouteTable);
    const fastify = app.getHttpAdapter().getInstance();
    // Express leaves a body of another type unparsed (and the DTO then fails): so does this
    // catch-all parser, instead of Fastify's 415.
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_req, _body, done) => done(null, undefined));
    await app.register(multipart, { limits: UPLOAD_LIMITS });
    return app;
  }
  const server = express();
  server.set('case sensitive routing', true); // read once, when the adapter creates the router
  server.disable('x-powered-by');
  const app = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(server), { logger: LOG_LEVELS, bodyParser: false });
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
  const http = app.getHttpServer() as Server;
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.on('clientError', answerClientError);
  return app;
}
