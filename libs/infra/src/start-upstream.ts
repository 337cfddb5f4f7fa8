import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerCleanup } from './cleanup-registry';

/** The slow-upstream stub that `GET /external` calls. */
export interface UpstreamServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  /** Default wait before answering `/delay`, in milliseconds. */
  readonly delayMs: number;
  /** Closes the listener and every connection. Idempotent. */
  stop(): Promise<void>;
}

const body = JSON.stringify({ message: 'External API response' });

/**
 * A `node:http` server on 127.0.0.1:0. `GET /delay` answers `{"message":"External API response"}`
 * (with Content-Length, keep-alive) after `delayMs` (default 100; `?ms=` overrides per request).
 */
export async function startUpstream(opts: { delayMs?: number } = {}): Promise<UpstreamServer> {
  const delayMs = opts.delayMs ?? 100;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    if (req.method !== 'GET' || url.pathname !== '/delay') {
      const notFound = JSON.stringify({ detail: 'Not Found' });
      res.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(notFound) });
      res.end(notFound);
      return;
    }
    const requested = Number(url.searchParams.get('ms'));
    const waitMs = url.searchParams.has('ms') && Number.isFinite(requested) && requested >= 0 ? requested : delayMs;
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    }, waitMs);
    timers.add(timer);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.close(() => resolve());
      server.closeAllConnections();
      unregister();
    }));
  const unregister = registerCleanup(stop);
  return { url: `http://127.0.0.1:${port}`, delayMs, stop };
}
