import type { Pool } from 'undici';
import type { Recorder } from '../metrics/recorder';
import { MultipartBody } from './multipart';
import { type TransportError, send } from './send';

/** Per-request options, as in k6's `params`. */
export interface RequestOptions {
  headers?: Record<string, string>;
  /** Group to record this request under; defaults to the enclosing `ctx.group(...)`, if any. */
  group?: string;
  /** Endpoint tag (a contract endpoint id); defaults to `METHOD /path` without the query. */
  endpoint?: string;
  /** Request timeout in ms. Default 60 000 (k6's default). */
  timeoutMs?: number;
  /**
   * `false`: send the request but record nothing (no latency, status, error or bytes), e.g. a
   * cleanup before the measured request. It does not consume an open-model intended start: the
   * next measured request still counts from it. Default true.
   */
  measure?: boolean;
}

/** A body: a string or Buffer is sent as is, a `multipart(...)` as form-data, anything else as JSON. */
export type RequestBody = string | Buffer | MultipartBody | Record<string, unknown> | unknown[] | null | undefined;

/** A response. Failed requests are responses too: `status` 0 and `error` set. */
export interface HttpResponse {
  status: number;
  /** True for a 2xx response. */
  ok: boolean;
  error?: TransportError;
  /** Latency in µs (from the intended start time for the first request of an open-model iteration). */
  latencyUs: number;
  body: Buffer;
  text(): string;
  /** The parsed JSON body, or `undefined` when the body is not JSON (so a check just fails). */
  json<T = any>(): T | undefined;
  /** A response header (case-insensitive), or undefined. */
  header(name: string): string | undefined;
}

/** The HTTP client a scenario uses (`ctx.http`). Paths are relative to the target's base URL. */
export interface HttpClient {
  get(path: string, opts?: RequestOptions): Promise<HttpResponse>;
  del(path: string, opts?: RequestOptions): Promise<HttpResponse>;
  post(path: string, body?: RequestBody, opts?: RequestOptions): Promise<HttpResponse>;
  put(path: string, body?: RequestBody, opts?: RequestOptions): Promise<HttpResponse>;
  patch(path: string, body?: RequestBody, opts?: RequestOptions): Promise<HttpResponse>;
  request(method: string, path: string, body?: RequestBody, opts?: RequestOptions): Promise<HttpResponse>;
}

/** Mutable per-VU state the client reads: the enclosing group and an open-model intended start. */
export interface ClientState {
  /** Where requests are recorded; null or absent for unmeasured clients (setup, teardown, probes). */
  recorder?: Recorder | null;
  group?: string | undefined;
  /** performance.now() time at which the current iteration was meant to start; consumed by its first request. */
  intendedStartMs?: number | undefined;
}

/** Default request timeout in ms (k6's default). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Encodes a body and sets its content-type header when absent (JSON for plain values). */
export function encodeBody(body: RequestBody, headers: Record<string, string>): string | Buffer | null {
  if (body === undefined || body === null) return null;
  if (body instanceof MultipartBody) {
    headers['content-type'] ??= body.contentType;
    return body.encode();
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

function makeResponse(status: number, body: Buffer, rawHeaders: Buffer[], latencyUs: number, error?: TransportError): HttpResponse {
  return {
    status,
    ok: !error && status >= 200 && status < 300,
    ...(error ? { error } : {}),
    latencyUs,
    body,
    text: () => body.toString('utf8'),
    json: () => {
      try {
        return JSON.parse(body.toString('utf8'));
      } catch {
        return undefined;
      }
    },
    header: (name) => {
      const wanted = name.toLowerCase();
      for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        if (String(rawHeaders[i]).toLowerCase() === wanted) return String(rawHeaders[i + 1]);
      }
      return undefined;
    },
  };
}

/**
 * Creates a client over an undici Pool. With `state.recorder` set, every request is measured;
 * without one (setup/teardown, probes) nothing is recorded.
 */
export function createHttpClient(pool: Pool, state: ClientState = {}): HttpClient {
  const request = async (method: string, path: string, body?: RequestBody, opts: RequestOptions = {}): Promise<HttpResponse> => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    const encoded = encodeBody(body, headers);
    const measured = opts.measure !== false;
    const start = (measured ? state.intendedStartMs : undefined) ?? performance.now();
    if (measured) state.intendedStartMs = undefined;
    const raw = await send(pool, { method, path, headers, body: encoded, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    const end = performance.now();
    const latencyUs = (end - start) * 1000;
    if (!measured) state.recorder?.unmeasured(latencyUs);
    else state.recorder?.record(
      {
        latencyUs,
        status: raw.status,
        error: raw.error,
        group: opts.group ?? state.group,
        endpoint: opts.endpoint ?? `${method} ${path.split('?')[0]}`,
        bytes: raw.bytes,
      },
      end,
    );
    return makeResponse(raw.status, raw.body, raw.rawHeaders, latencyUs, raw.error);
  };
  return clientOf(request);
}

/** An {@link HttpClient} whose verb shortcuts all go through `request`. */
export function clientOf(request: HttpClient['request']): HttpClient {
  return {
    request,
    get: (path, opts) => request('GET', path, undefined, opts),
    del: (path, opts) => request('DELETE', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body, opts),
    put: (path, body, opts) => request('PUT', path, body, opts),
    patch: (path, body, opts) => request('PATCH', path, body, opts),
  };
}
