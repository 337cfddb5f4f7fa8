import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit, findFreePort, spawnManaged, type ManagedProcess, type ProcessExit } from '@lab/infra';
import type { ImplManifest } from '@lab/manifest';
import { RunnerError } from './errors';

/** The JWT secret every implementation signs with (docs/contract.md, environment). */
export const JWT_SECRET = 'benchmark-secret-key-12345';

/** An implementation as `loadManifests` lists it: its id, absolute folder and manifest. */
export interface ImplToStart {
  id: string;
  dir: string;
  manifest: ImplManifest;
}

/** Where the server finds its services. */
export interface ServiceUrls {
  DATABASE_URL: string;
  REDIS_URL: string;
  UPSTREAM_URL: string;
}

/** A started, ready implementation. */
export interface RunningServer {
  proc: ManagedProcess;
  port: number;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Set once the process has exited without being asked to (a crash). */
  readonly crash: ProcessExit | undefined;
  /** Stops the server (SIGTERM to its group, SIGKILL after 10 s); from now on an exit is not a crash. */
  stop(): Promise<void>;
}

/** Options of {@link startImpl}. */
export interface StartImplOptions {
  impl: ImplToStart;
  /** The environment before ports and service URLs: {@link implEnv} of the manifest and variant. */
  env: Readonly<Record<string, string>>;
  urls: ServiceUrls;
  /** The port to listen on; default (or 0) a free loopback port. */
  port?: number;
  /** Rewrites the argv before it is spawned, e.g. `(argv) => groups.wrap('server', argv)`. */
  wrap?: (argv: string[]) => string[];
  /** Receives each line the server prints. */
  log?: (line: string) => void;
  /** Aborting while the server starts stops it and throws LAB_INTERRUPTED. */
  signal?: AbortSignal;
  /** How long to wait for readiness; default the manifest's `readiness.timeoutMs` ({@link readinessTimeoutMs} scales it to a CPU quota). */
  readyTimeoutMs?: number;
}

/**
 * How long a server under a CFS quota of `cpuQuota` CPUs may take to become ready. A manifest's
 * readiness timeout is written for a server with at least one CPU; a quota of q < 1 lets the
 * server run only q of every period, so starting (importing a framework in each of several
 * workers) takes about 1/q times as long, and the wait grows by that factor: 4 × at 0.25 CPU.
 * Without a quota, or with one of a CPU or more, the manifest's timeout stands.
 */
export function readinessTimeoutMs(timeoutMs: number, cpuQuota: number | undefined): number {
  return cpuQuota !== undefined && cpuQuota > 0 && cpuQuota < 1 ? Math.ceil(timeoutMs / cpuQuota) : timeoutMs;
}

/**
 * The environment of an implementation before ports and service URLs, later entries winning:
 * its manifest `env`; the pool and worker sizes under the lab's names (`DB_POOL_SIZE`,
 * `WORKERS`) and the manifest's own; the variant's `env`. {@link startImpl} adds the lab's
 * variables on top, which nothing overrides.
 */
export function implEnv(manifest: ImplManifest, variantEnv: Readonly<Record<string, string>> = {}): Record<string, string> {
  const pool = String(manifest.pool.default);
  const workers = String(manifest.workers.default);
  return {
    ...manifest.env,
    DB_POOL_SIZE: pool,
    WORKERS: workers,
    [manifest.pool.env]: pool,
    [manifest.workers.env]: workers,
    ...variantEnv,
  };
}

/** What the server is started with: `env`, then the service URLs, `PORT`, `HOST` (127.0.0.1) and `JWT_SECRET`. */
export function launchEnv(env: Readonly<Record<string, string>>, urls: ServiceUrls, port: number): Record<string, string> {
  return { ...env, ...urls, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET };
}

/**
 * Starts an implementation for every command (`lab up`, `lab verify`, `lab bench`): its
 * manifest's start command in its folder, from a minimal inherited environment plus
 * {@link launchEnv}, and polls its readiness path every 50 ms on a fresh connection until it
 * answers 200. Throws LAB_IMPL_NOT_READY (with the exit and the log tail) if it exits first or
 * the timeout (`readyTimeoutMs`, else the manifest's) passes; the server is stopped before any
 * error is thrown.
 */
export async function startImpl(opts: StartImplOptions): Promise<RunningServer> {
  const { manifest, dir, id } = opts.impl;
  const port = opts.port || (await findFreePort());
  const proc = spawnManaged(manifest.start.command, {
    cwd: dir,
    env: launchEnv(opts.env, opts.urls, port),
    inherit: 'minimal',
    name: `server ${id}`,
    ...(opts.wrap ? { wrap: opts.wrap } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  let stopping = false;
  let crash: ProcessExit | undefined;
  void proc.exited.then((exit) => {
    if (!stopping) crash = exit;
  });
  const server: RunningServer = {
    proc,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    get crash() {
      return crash;
    },
    stop() {
      stopping = true;
      return proc.stop(10_000);
    },
  };
  const { path } = manifest.readiness;
  const timeoutMs = opts.readyTimeoutMs ?? manifest.readiness.timeoutMs;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', `interrupted while ${id} was starting`);
      if (crash) {
        await sleep(50); // let the last log lines arrive
        throw new RunnerError('LAB_IMPL_NOT_READY', `${id} exited while starting (${describeExit(crash)}); log:\n${proc.logTail(30)}`);
      }
      if ((await statusOf(port, path)) === 200) return server;
      if (Date.now() > deadline) {
        throw new RunnerError('LAB_IMPL_NOT_READY', `${id} did not answer GET ${path} with 200 within ${timeoutMs} ms; log:\n${proc.logTail(30)}`);
      }
      await sleep(50);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Status of GET http://127.0.0.1:<port><path> on a fresh connection, or 0 when it fails. */
function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}
