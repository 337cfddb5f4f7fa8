import type { Dispatcher } from 'undici';
import type { Recorder, RequestSample } from '../metrics/recorder';
import { MultipartBody } from './multipart';
import { Exchange, type TransportError, joinChunks } from './send';

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

/**
 * A response over a finished {@link Exchange}. Nothing is decoded until asked: the body is
 * joined from its chunks on first read of `body`, `text()` or `json()`, and a header is found
 * in the raw header list only when `header()` asks for it. Methods live on the prototype, so a
 * response costs one small object per request.
 */
class Answer implements HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  declare readonly error?: TransportError;
  readonly latencyUs: number;
  private readonly rawHeaders: Buffer[];
  private chunks: Buffer[] | undefined;
  private joined: Buffer | undefined = undefined;

  constructor(exchange: Exchange<HttpResponse>, latencyUs: number) {
    this.status = exchange.status;
    this.ok = exchange.error === undefined && exchange.status >= 200 && exchange.status < 300;
    if (exchange.error !== undefined) (this as { error?: TransportError }).error = exchange.error;
    this.latencyUs = latencyUs;
    this.rawHeaders = exchange.rawHeaders;
    this.chunks = exchange.chunks;
  }

  get body(): Buffer {
    if (this.joined === undefined) {
      this.joined = joinChunks(this.chunks);
      this.chunks = undefined;
    }
    return this.joined;
  }

  text(): string {
    return this.body.toString('utf8');
  }

  json(): any {
    try {
      return JSON.parse(this.body.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  header(name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      if (String(this.rawHeaders[i]).toLowerCase() === wanted) return String(this.rawHeaders[i + 1]);
    }
    return undefined;
  }
}

/**
 * One request of a client: when it is over, it records itself (it is the recorder's
 * {@link RequestSample}, so nothing else is allocated for that) and becomes an {@link Answer}.
 */
class ClientExchange extends Exchange<HttpResponse> implements RequestSample {
  latencyUs = 0;

  constructor(
    private readonly state: ClientState,
    private readonly startMs: number,
    private readonly measured: boolean,
    readonly group: string | undefined,
    readonly endpoint: string,
  ) {
    super();
  }

  protected finish(): HttpResponse {
    const endMs = performance.now();
    this.latencyUs = (endMs - this.startMs) * 1000;
    const recorder = this.state.recorder;
    if (recorder) {
      if (this.measured) recorder.record(this, endMs);
      else recorder.unmeasured(this.latencyUs);
    }
    return new Answer(this, this.latencyUs);
  }
}

/** The endpoint tag of an untagged request: `METHOD /path` without the query. */
function defaultEndpoint(method: string, path: string): string {
  const query = path.indexOf('?');
  return `${method} ${query < 0 ? path : path.slice(0, query)}`;
}

/** Lower-cases header names into a fresh object; undefined when there are none. */
function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  let out: Record<string, string> | undefined;
  for (const k in headers) (out ??= {})[k.toLowerCase()] = headers[k] as string;
  return out;
}

/**
 * Creates a client over an undici dispatcher (a Pool, or one VU's own Client). With
 * `state.recorder` set, every request is measured; without one (setup/teardown, probes) nothing
 * is recorded.
 */
export function createHttpClient(dispatcher: Dispatcher, state: ClientState = {}): HttpClient {
  const request = (method: string, path: string, body?: RequestBody, opts: RequestOptions = {}): Promise<HttpResponse> => {
    let headers = lowerCaseHeaders(opts.headers);
    let encoded: string | Buffer | null = null;
    if (body !== undefined && body !== null) {
      headers ??= {};
      try {
        encoded = encodeBody(body, headers);
      } catch (err) {
        return Promise.reject(err); // as from an async function: a body that cannot be encoded rejects
      }
    }
    const measured = opts.measure !== false;
    const startMs = (measured ? state.intendedStartMs : undefined) ?? performance.now();
    if (measured) state.intendedStartMs = undefined;
    const endpoint = measured ? (opts.endpoint ?? defaultEndpoint(method, path)) : '';
    const exchange = new ClientExchange(state, startMs, measured, opts.group ?? state.group, endpoint);
    return exchange.send(dispatcher, { method, path, headers, body: encoded, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
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
