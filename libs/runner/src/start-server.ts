import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, spawnManaged, type ManagedProcess } from '@lab/infra';
import type { RoleGroups } from '@lab/isolation';
import { RunnerError } from './errors';

/** How a process ended: its exit code or the signal. */
export type ProcessExit = Awaited<ManagedProcess['exited']>;
import type { CellPlan } from './plan-cell';

/** The JWT secret every implementation is started with (the contract's default). */
export const JWT_SECRET = 'benchmark-secret-key-12345';

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

/** Where the server finds its services. */
export interface ServiceUrls {
  DATABASE_URL: string;
  REDIS_URL: string;
  UPSTREAM_URL: string;
}

/**
 * Starts the implementation with its manifest's start command in its folder, inside the
 * `server` role, on a free loopback port, and waits until its readiness path answers 200.
 * Throws LAB_IMPL_NOT_READY (with the log tail) if it exits first or the manifest's timeout passes.
 */
export async function startServer(
  plan: CellPlan,
  groups: RoleGroups,
  urls: ServiceUrls,
  opts: { signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const { manifest, dir, id } = plan.implementation;
  const port = await findFreePort();
  const env = { ...plan.serverEnv, ...urls, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET };
  const proc = spawnManaged(manifest.start.command, {
    cwd: dir,
    env,
    inherit: 'minimal',
    wrap: (argv) => groups.wrap('server', argv),
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
  const { path, timeoutMs } = manifest.readiness;
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

/** `code 3` / `signal SIGKILL`. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
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
