import type { Dispatcher } from 'undici';
import type { ErrorKind } from '../drivers/driver-result';

/** A transport-level failure kind (a response, even a 500, is not one). */
export type TransportError = Exclude<ErrorKind, 'non2xx' | 'check' | 'iteration'>;

/** What one request sends. */
export interface OutgoingRequest {
  method: string;
  path: string;
  /** Lower-case header names; undefined or empty for none. */
  headers: Record<string, string> | undefined;
  body: string | Buffer | null;
  timeoutMs: number;
}

/** Classifies an undici / socket error code into an error kind. */
export function classifyError(err: unknown): TransportError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') return 'connect';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  return 'other';
}

const NO_HEADERS: Buffer[] = [];
const EMPTY_BODY = Buffer.alloc(0);

/** The body of a response from the chunks it arrived in, without a copy when there is one chunk. */
export function joinChunks(chunks: Buffer[] | undefined): Buffer {
  if (chunks === undefined) return EMPTY_BODY;
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/**
 * One request in flight, as its own undici dispatch handler (`Dispatcher.dispatch` of a Pool or Client, the legacy
 * onHeaders/onData/onComplete API that undici calls without an adapter): no stream objects, no
 * per-request closures, headers left as raw buffers and the body as the chunks undici parsed
 * (views of the socket's reads, joined only if someone reads the body). `finish()` turns the
 * outcome into what {@link Exchange.send} resolves to, synchronously on completion, so the
 * completion time is taken before any promise hop. Never rejects: failures come back as data.
 */
export abstract class Exchange<T> {
  /** HTTP status, 0 when the request failed before or during the answer. */
  status = 0;
  rawHeaders: Buffer[] = NO_HEADERS;
  chunks: Buffer[] | undefined = undefined;
  /** Body bytes received. */
  bytes = 0;
  error: TransportError | undefined = undefined;
  errorMessage: string | undefined = undefined;
  private resolve: ((value: T) => void) | undefined = undefined;

  /** Builds the result once the request is over (answered or failed). Called exactly once. */
  protected abstract finish(): T;

  /** Dispatches `request` on `dispatcher`; resolves with {@link Exchange.finish}'s value. */
  send(dispatcher: Dispatcher, request: OutgoingRequest): Promise<T> {
    return new Promise<T>((resolve) => {
      this.resolve = resolve;
      try {
        dispatcher.dispatch(
          {
            method: request.method as Dispatcher.HttpMethod,
            path: request.path,
            headers: request.headers,
            body: request.body,
            headersTimeout: request.timeoutMs,
            bodyTimeout: request.timeoutMs,
          },
          this as unknown as Dispatcher.DispatchHandler,
        );
      } catch (err) {
        this.onError(err as Error);
      }
    });
  }

  onConnect(): void {}

  onHeaders(statusCode: number, headers: Buffer[]): boolean {
    this.status = statusCode;
    this.rawHeaders = headers;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.chunks === undefined) this.chunks = [chunk];
    else this.chunks.push(chunk);
    this.bytes += chunk.length;
    return true;
  }

  onComplete(): void {
    this.settle();
  }

  onError(err: Error): void {
    this.status = 0;
    this.chunks = undefined;
    this.error = classifyError(err);
    this.errorMessage = err.message;
    this.settle();
  }

  private settle(): void {
    const resolve = this.resolve;
    if (resolve === undefined) return;
    this.resolve = undefined;
    resolve(this.finish());
  }
}
