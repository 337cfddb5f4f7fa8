import type { Dispatcher, Pool } from 'undici';
import type { ErrorKind } from '../drivers/driver-result';

/** A transport-level failure kind (a response, even a 500, is not one). */
export type TransportError = Exclude<ErrorKind, 'non2xx' | 'check' | 'iteration'>;

/** The raw outcome of one request. */
export interface RawResponse {
  status: number;
  rawHeaders: Buffer[];
  body: Buffer;
  bytes: number;
  error?: TransportError;
  errorMessage?: string;
}

/** Classifies an undici / socket error code into an error kind. */
export function classifyError(err: unknown): TransportError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') return 'connect';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  return 'other';
}

/**
 * Sends one request through `Pool.dispatch` with a raw handler: no stream objects, headers left
 * as raw buffers. Measured on this host at ≈ 21 µs of client CPU per request against ≈ 25 µs for
 * `Pool.request` + `body.dump()` (see README). Never rejects: failures come back as data.
 */
export function send(
  pool: Pool,
  opts: { method: string; path: string; headers: Record<string, string>; body: string | Buffer | null; timeoutMs: number },
): Promise<RawResponse> {
  return new Promise((resolve) => {
    let status = 0;
    let rawHeaders: Buffer[] = [];
    const chunks: Buffer[] = [];
    let bytes = 0;
    const handler = {
      onConnect() {},
      onHeaders(statusCode: number, headers: Buffer[]) {
        status = statusCode;
        rawHeaders = headers;
        return true;
      },
      onData(chunk: Buffer) {
        chunks.push(chunk);
        bytes += chunk.length;
        return true;
      },
      onComplete() {
        resolve({ status, rawHeaders, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), bytes });
      },
      onError(err: Error) {
        resolve({ status: 0, rawHeaders, body: Buffer.alloc(0), bytes, error: classifyError(err), errorMessage: err.message });
      },
    };
    try {
      pool.dispatch(
        {
          method: opts.method as Dispatcher.HttpMethod,
          path: opts.path,
          headers: opts.headers,
          body: opts.body,
          headersTimeout: opts.timeoutMs,
          bodyTimeout: opts.timeoutMs,
        },
        handler as unknown as Dispatcher.DispatchHandler,
      );
    } catch (err) {
      resolve({ status: 0, rawHeaders: [], body: Buffer.alloc(0), bytes: 0, error: classifyError(err), errorMessage: (err as Error).message });
    }
  });
}
