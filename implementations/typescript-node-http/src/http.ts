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

/** Largest page number or N+1 offset the contract accepts. */
export const MAX_OFFSET = 1_000_000;

/**
 * Sends `body` as JSON with an explicit `Content-Length`, never chunked: Node's chunked
 * responses stall 40–200 ms on loopback (Nagle / delayed ACK).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
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

/**
 * Reads the whole request body into one Buffer; 413 above `limitBytes`. The rest of a body that
 * is too large is drained, not cut off, so the client still reads the 413.
 */
export function readBody(req: IncomingMessage, limitBytes = MAX_JSON_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', collect);
        req.resume();
        reject(new HttpError(413, 'Request body too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Deepest nesting of arrays and objects a JSON body may have. V8's `JSON.parse` takes any depth
 * but `JSON.stringify` recurses, so a body nested a few thousand levels deep could be read and
 * then not echoed back (a stack overflow, a 500).
 */
export const MAX_JSON_DEPTH = 512;

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    if (nestedDeeperThan(member, levels - 1)) return true;
  }
  return false;
}

/**
 * Reads and parses a JSON request body; malformed, truncated or empty JSON, or JSON nested
 * deeper than `MAX_JSON_DEPTH`, is a 422.
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(422, 'Malformed JSON body');
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new HttpError(422, `JSON body nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value;
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

/** A row id (`/users/{id}`, `user_id`, `product_id` …): what PostgreSQL's `integer` id columns hold. */
export const ROW_ID: IntRange = { min: 1, max: INT4_MAX };

/** Decimal integer text: optional minus sign, digits only (no '+', spaces, '1e3' or '0x10'). */
const INTEGER_PATTERN = /^-?\d+$/;

/**
 * Parses an integer query parameter. Absent → the default (or 422 when there is none); present
 * but not an integer (an empty value included) or out of range (never clamped) → 422 naming it.
 */
export function queryInt(query: URLSearchParams, name: string, range: IntRange = {}): number {
  const raw = query.get(name);
  if (raw === null) {
    if (range.default !== undefined) return range.default;
    throw new HttpError(422, `Query parameter '${name}' is required`);
  }
  return parseIntParam(raw, name, range);
}

/**
 * Parses a string as an integer within `range`; anything else → `HttpError` 422. Text too long
 * for any integer in range (e.g. `1124773556684887293952`) is rejected like any other.
 */
export function parseIntParam(raw: string, name: string, range: IntRange = {}): number {
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!INTEGER_PATTERN.test(raw)) {
    throw new HttpError(422, `Parameter '${name}' must be an integer`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new HttpError(422, `Parameter '${name}' must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** Parses an `{id}` path parameter: a row id (1–2147483647), anything else → 422. */
export function pathId(raw: string | undefined): number {
  return parseIntParam(raw ?? '', 'id', ROW_ID);
}

/**
 * Rejects text PostgreSQL cannot store (it refuses the NUL character, U+0000) with a 422;
 * applies to every request string that reaches the database.
 */
export function assertStorableText(value: string, name: string): void {
  if (value.includes('\u0000')) throw new HttpError(422, `'${name}' must not contain NUL characters`);
}

/**
 * Reads a required string query parameter of `minLength`–`maxLength` characters that
 * PostgreSQL can store (no NUL), else 422.
 */
export function queryString(query: URLSearchParams, name: string, minLength: number, maxLength: number): string {
  const value = query.get(name);
  if (value === null) throw new HttpError(422, `Query parameter '${name}' is required`);
  const length = [...value].length;
  if (length < minLength || length > maxLength) {
    throw new HttpError(422, `Query parameter '${name}' must be ${minLength}-${maxLength} characters`);
  }
  assertStorableText(value, name);
  return value;
}

/** Milliseconds since `startMs` (a `performance.now()` reading), rounded to 3 decimals. */
export function elapsedSince(startMs: number): number {
  return Math.round((performance.now() - startMs) * 1000) / 1000;
}
