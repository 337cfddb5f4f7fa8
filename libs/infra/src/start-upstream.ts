import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from './errors';
import { spawnManaged } from './managed-process';

/** The slow-upstream stub that `GET /external` calls. */
export interface UpstreamServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  /** Default wait before answering `/delay`, in milliseconds. */
  readonly delayMs: number;
  /** Pid of the stub's own process (for resource groups and tests). */
  readonly pid: number;
  /** Requests `/delay` has received so far (`GET {url}/__hits`, which anyone may read). */
  hits(): Promise<number>;
  /** Stops the process (SIGTERM, SIGKILL after 5 s). Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startUpstream}. */
export interface StartUpstreamOptions {
  /** Default wait of `/delay`, milliseconds (default 100). */
  delayMs?: number;
  /** Rewrites the process's argv before spawning, e.g. `(argv) => groups.wrap('helpers', argv)`. */
  wrap?: (argv: string[]) => string[];
  /** Progress lines and the stub's output. */
  log?: (line: string) => void;
  /** How long to wait for the stub to listen, milliseconds (default 15 000). */
  readyTimeoutMs?: number;
}

/** The stub's script: plain JavaScript, run by the same `node` binary as the lab. */
export const UPSTREAM_STUB_SCRIPT = fileURLToPath(new URL('./upstream-stub.mjs', import.meta.url));

const READY = /^upstream listening on (http:\/\/127\.0\.0\.1:\d+)$/;

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Reads the stub's hit counter at `url` (`GET {url}/__hits` → `{"hits": n}`). */
export async function readUpstreamHits(url: string): Promise<number> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/__hits`);
  const body = (await res.json()) as { hits?: unknown };
  if (!res.ok || typeof body.hits !== 'number') throw new Error(`${url}/__hits answered ${res.status} ${JSON.stringify(body)}`);
  return body.hits;
}

/**
 * Starts the stub as a process of its own (`node upstream-stub.mjs` through
 * {@link spawnManaged}, so `wrap` can place it in a resource group) on 127.0.0.1 and a free port.
 * `GET /delay` answers `{"message":"External API response"}` (with Content-Length, keep-alive)
 * after `delayMs` (default 100; `?ms=` overrides per request); `GET /__hits` answers
 * `{"hits": n}`, the number of `/delay` requests so far. Resolves once it listens.
 */
export async function startUpstream(opts: StartUpstreamOptions = {}): Promise<UpstreamServer> {
  const delayMs = opts.delayMs ?? 100;
  let announce: (url: string) => void = () => undefined;
  const announced = new Promise<string>((resolve) => (announce = resolve));
  const child = spawnManaged(`exec ${shellQuote(process.execPath)} ${shellQuote(UPSTREAM_STUB_SCRIPT)}`, {
    cwd: dirname(UPSTREAM_STUB_SCRIPT),
    // No NODE_OPTIONS of the lab's (e.g. a TypeScript loader): the stub is plain JavaScript.
    env: { UPSTREAM_DELAY_MS: String(delayMs), UPSTREAM_PORT: '0', NODE_OPTIONS: '' },
    name: 'upstream stub',
    log: (line) => {
      const ready = READY.exec(line);
      if (ready) announce(ready[1]!);
      else opts.log?.(`upstream: ${line}`);
    },
    ...(opts.wrap ? { wrap: opts.wrap } : {}),
  });
  const timeoutMs = opts.readyTimeoutMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    announced.then((url) => ({ url })),
    child.exited.then((exit) => ({ exit })),
    new Promise<{ timeout: true }>((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (!('url' in outcome)) {
    await child.stop();
    const why = 'exit' in outcome ? `exited during start-up (${outcome.exit.signal ?? `code ${outcome.exit.code}`})` : `did not listen within ${timeoutMs} ms`;
    throw new InfraError('LAB_SERVICE_TIMEOUT', `the upstream stub ${why}; log:\n${child.logTail(20)}`, {
      hint: 'read the stub log above; the machine may be overloaded',
    });
  }
  const { url } = outcome;
  opts.log?.(`infra: upstream stub listening on ${url} (pid ${child.pid}, delay ${delayMs} ms)`);
  return { url, delayMs, pid: child.pid, hits: () => readUpstreamHits(url), stop: () => child.stop() };
}
