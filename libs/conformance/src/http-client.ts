import { Pool } from 'undici';

/** A request as the checks describe it. */
export interface HttpRequest {
  method: string;
  /** Path with query string, e.g. `/users?x=1`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A response with the raw framing headers the gate records. */
export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
  /** Client-measured wall time from send to the last body byte, milliseconds. */
  durationMs: number;
  contentLength: number | null;
  chunked: boolean;
  keepAlive: boolean;
  contentType: string | null;
}

function header(headers: HttpReply['headers'], name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A keep-alive HTTP/1.1 client over an undici Pool. Throws on network errors and timeouts. */
export class HttpClient {
  private readonly pool: Pool;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
    connections = 16,
  ) {
    this.pool = new Pool(baseUrl, { connections, pipelining: 1, keepAliveTimeout: 10_000 });
  }

  async send(req: HttpRequest): Promise<HttpReply> {
    const started = performance.now();
    const res = await this.pool.request({
      method: req.method as 'GET',
      path: req.path,
      headers: req.headers,
      body: req.body,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const bodyText = await res.body.text();
    const durationMs = performance.now() - started;
    const headers = res.headers as HttpReply['headers'];
    const length = header(headers, 'content-length');
    return {
      status: res.statusCode,
      headers,
      bodyText,
      durationMs,
      contentLength: length === null ? null : Number(length),
      chunked: (header(headers, 'transfer-encoding') ?? '').toLowerCase().includes('chunked'),
      keepAlive: (header(headers, 'connection') ?? '').toLowerCase() !== 'close',
      contentType: header(headers, 'content-type'),
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** Builds a multipart/form-data body with one file part. */
export function multipartBody(field: string, filename: string, contentType: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----lab-conformance-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` + `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
