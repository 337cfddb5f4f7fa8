import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that maps to an HTTP response `{"detail": detail}` with the given status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Largest request body `readJson` accepts, in bytes (1 MiB); larger bodies get 413. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Smallest value of a PostgreSQL `integer` (int4), the type of every id column. */
export const INT4_MIN = -2147483648;
/** Largest value of a PostgreSQL `integer` (int4), the type of every id column. */
export const INT4_MAX = 2147483647;

/**
 * Sends `body` as JSON with an explicit `Content-Length`, never chunked: Node's chunked
 * responses stall 40–200 ms on loopback (Nagle / delayed ACK).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/**
 * Sends a response without a body (default 204). A 204 carries no Content-Length (RFC 9110
 * forbids it) and is never chunked.
 */
export function sendEmpty(res: ServerResponse, status = 204): void {
  if (status === 204) res.writeHead(status);
  else res.writeHead(status, { 'content-length': 0 });
  res.end();
}

/** Reads the whole request body into one Buffer; 413 above `limitBytes`. */
export function readBody(req: IncomingMessage, limitBytes = MAX_JSON_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads and parses a JSON request body; malformed or empty JSON is a 422. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(422, 'Malformed JSON body');
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Range and default of an integer parameter; both bounds inclusive. */
export interface IntRange {
  /** Value used when the parameter is absent; absent and no default → 422. */
  default?: number;
  /** Smallest accepted value; default `Number.MIN_SAFE_INTEGER`. */
  min?: number;
  /** Largest accepted value; default `Number.MAX_SAFE_INTEGER`. */
  max?: number;
}

/** Decimal integer text: optional minus sign, digits only (no '+', spaces, '1e3' or '0x10'). */
const INTEGER_PATTERN = /^-?\d+$/;

/**
 * Parses an integer query parameter. Not an integer, out of range (never clamped), or missing
 * without a default → `HttpError` 422 naming the parameter.
 */
export function queryInt(query: URLSearchParams, name: string, range: IntRange = {}): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    if (range.default !== undefined) return range.default;
    throw new HttpError(422, `Query parameter '${name}' is required`);
  }
  return parseIntParam(raw, name, range);
}

/** Parses a string as an integer within `range`; anything else → `HttpError` 422. */
export function parseIntParam(raw: string, name: string, range: IntRange = {}): number {
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!INTEGER_PATTERN.test(raw)) {
    throw new HttpError(422, `Parameter '${name}' must be an integer`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new HttpError(422, `Parameter '${name}' must be between ${min} and ${max}`);
  }
  return value;
}

/**
 * Parses an id path parameter. Not an integer → 422; an integer outside PostgreSQL's int4
 * range can name no row, so it is reported with `notFound` (404) without asking the database.
 */
export function pathId(raw: string | undefined, notFound: string): number {
  const id = parseIntParam(raw ?? '', 'id');
  if (id < INT4_MIN || id > INT4_MAX) throw new HttpError(404, notFound);
  return id;
}

/** Reads a required string query parameter of `minLength`–`maxLength` characters, else 422. */
export function queryString(
  query: URLSearchParams,
  name: string,
  minLength: number,
  maxLength: number,
): string {
  const value = query.get(name);
  if (value === null) throw new HttpError(422, `Query parameter '${name}' is required`);
  const length = [...value].length;
  if (length < minLength || length > maxLength) {
    throw new HttpError(422, `Query parameter '${name}' must be ${minLength}-${maxLength} characters`);
  }
  return value;
}

/** Milliseconds since `startMs` (a `performance.now()` reading), rounded to 3 decimals. */
export function elapsedSince(startMs: number): number {
  return Math.round((performance.now() - startMs) * 1000) / 1000;
}
