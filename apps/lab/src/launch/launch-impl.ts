import { startStack, type ManagedProcess, type Stack } from '@lab/infra';
import type { ImplEntry, Variant } from '@lab/manifest';
import { implEnv, startImpl, type RunningServer } from '@lab/runner';
import type { Log } from '../cli/outcome';

/** A running implementation with its services. */
export interface LaunchedImpl {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  stack: Stack;
  server: ManagedProcess;
  /** Stops the server, then the services. Idempotent. */
  stop(): Promise<void>;
}

/** What to launch and where progress goes. */
export interface LaunchOptions {
  impl: ImplEntry;
  variant: Variant | undefined;
  /** 0: a free port. */
  port: number;
  log: Log;
  /** Receives the server's own output lines (e.g. `lab up` shows them). */
  serverLog?: Log;
}

/**
 * Starts PostgreSQL (a fresh seeded database), Redis and the upstream stub, then the
 * implementation through `startImpl` (the same environment and readiness polling as `lab bench`).
 * On any failure everything started so far is stopped before the error is thrown.
 */
export async function launchImpl(opts: LaunchOptions): Promise<LaunchedImpl> {
  const { impl, variant, log } = opts;
  const name = variant ? `${impl.id} (${variant.id})` : impl.id;
  log(`lab: starting PostgreSQL, Redis and the upstream stub for ${name}`);
  const stack = await startStack({ postgres: true, redis: true, upstream: true, log });
  let server: RunningServer | undefined;
  const stop = async () => {
    await server?.stop();
    await stack.stop();
  };
  try {
    log(`lab: starting ${name}: ${impl.manifest.start.command}`);
    const startedMs = Date.now();
    server = await startImpl({
      impl,
      env: implEnv(impl.manifest, variant?.env),
      urls: { DATABASE_URL: stack.databaseUrl!, REDIS_URL: stack.redis!.url, UPSTREAM_URL: stack.upstream!.url },
      port: opts.port,
      ...(opts.serverLog ? { log: opts.serverLog } : {}),
    });
    log(`lab: ${name} ready at ${server.baseUrl} in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
    return { baseUrl: server.baseUrl, stack, server: server.proc, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
