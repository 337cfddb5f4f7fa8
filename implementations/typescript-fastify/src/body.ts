import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/** Largest request body the app reads, in bytes (1 MiB, Fastify's default); larger → 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * What the parser hands on for a body that is not JSON. A parser error would make Fastify close
 * the connection (it cannot know the body was read to the end); the marker lets
 * `rejectMalformedBody` answer 422 on a connection that stays open.
 */
export const MALFORMED_JSON: object = Object.freeze({});

/**
 * Parses a request body as JSON: an empty body is "no body" (a route that needs one then fails
 * its schema: 422), malformed JSON is `MALFORMED_JSON`. Never fails, so a route without a body
 * in the contract (or an unknown path) ignores whatever was sent, as the baseline does.
 */
export function parseJsonBody(body: string): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return MALFORMED_JSON;
  }
}

/** `preValidation` hook of the routes with a JSON body: `MALFORMED_JSON` → 422. */
export async function rejectMalformedBody(request: FastifyRequest): Promise<void> {
  if (request.body === MALFORMED_JSON) throw new HttpError(422, 'Malformed JSON body');
}

/**
 * Replaces Fastify's body parsers with `parseJsonBody` for `application/json` and for any other
 * content type (multipart/form-data keeps `@fastify/multipart`'s parser, registered separately):
 * like the baseline, a JSON endpoint reads JSON whatever the Content-Type says, so no request is
 * answered 415, a status the contract does not have.
 */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  const parser = (_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
    done(null, parseJsonBody(body as string));
  };
  app.addContentTypeParser('application/json', options, parser);
  app.addContentTypeParser('*', options, parser);
}
