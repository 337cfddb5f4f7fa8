import { Client, Pool } from 'undici';
import type { FuzzRequest } from './fuzz-request';
import type { FuzzReply } from './judge';

/** The answer to one request, or why there was none. */
export type SendOutcome =
  | { ok: true; reply: FuzzReply; durationMs: number }
  | { ok: false; kind: 'timeout' | 'connection'; message: string; durationMs: number };

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.message ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * Sends fuzz requests one at a time over one keep-alive connection. A request whose inputs are not
 * all valid goes out with `Connection: close`, so that a server that leaves part of a malformed body
 * unread cannot garble the next request. A request gets `timeoutMs` in all (headers and body).
 */
export class FuzzClient {
  private readonly pool: Pool;

  constructor(private readonly baseUrl: string) {
    this.pool = new Pool(baseUrl, { connections: 1, pipelining: 1, keepAliveTimeout: 4_000 });
  }

  async send(request: FuzzRequest, timeoutMs: number): Promise<SendOutcome> {
    const started = performance.now();
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await this.pool.request({
        method: request.method as 'GET',
        path: request.path,
        headers: request.headers,
        ...(request.body ? { body: Buffer.from(request.body) } : {}),
        reset: request.expect !== 'valid',
        signal,
        headersTimeout: timeoutMs + 1_000,
        bodyTimeout: timeoutMs + 1_000,
      });
      const bodyText = Buffer.from(await res.body.arrayBuffer()).toString('utf8');
      const reply: FuzzReply = { status: res.statusCode, headers: flatHeaders(res.headers), bodyText };
      return { ok: true, reply, durationMs: performance.now() - started };
    } catch (error) {
      const durationMs = performance.now() - started;
      if (signal.aborted) return { ok: false, kind: 'timeout', message: `no complete answer within ${timeoutMs} ms`, durationMs };
      return { ok: false, kind: 'connection', message: `connection failed: ${errorText(error)}`, durationMs };
    }
  }

  /** True when `GET path` answers 2xx within `timeoutMs` on a new connection. */
  async alive(path: string, timeoutMs: number): Promise<boolean> {
    const client = new Client(this.baseUrl);
    try {
      const res = await client.request({ method: 'GET', path, signal: AbortSignal.timeout(timeoutMs), reset: true });
      await res.body.dump();
      return res.statusCode >= 200 && res.statusCode < 300;
    } catch {
      return false;
    } finally {
      await client.destroy().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy().catch(() => undefined);
  }
}
