import { findFreePort, spawnManaged, startStack, type ManagedProcess, type Stack } from '@lab/infra';
import type { ImplEntry, Variant } from '@lab/manifest';
import type { Log } from '../cli/outcome';
import { implEnv } from './impl-env';
import { waitForReady } from './wait-for-ready';

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
 * implementation's `start.command` in its folder, and waits for its readiness probe.
 * On any failure everything started so far is stopped before the error is thrown.
 */
export async function launchImpl(opts: LaunchOptions): Promise<LaunchedImpl> {
  const { impl, variant, log } = opts;
  const name = variant ? `${impl.id} (${variant.id})` : impl.id;
  log(`lab: starting PostgreSQL, Redis and the upstream stub for ${name}`);
  const stack = await startStack({ postgres: true, redis: true, upstream: true, log });
  let server: ManagedProcess | undefined;
  const stop = async () => {
    await server?.stop();
    await stack.stop();
  };
  try {
    const port = opts.port || (await findFreePort());
    const baseUrl = `http://127.0.0.1:${port}`;
    const { readiness, start } = impl.manifest;
    log(`lab: starting ${name}: ${start.command}`);
    const startedMs = Date.now();
    server = spawnManaged(start.command, { cwd: impl.dir, env: implEnv(impl.manifest, variant, stack.env(), port), inherit: 'minimal', ...(opts.serverLog ? { log: opts.serverLog } : {}) });
    await waitForReady(`${baseUrl}${readiness.path}`, readiness.timeoutMs, server, name);
    log(`lab: ${name} ready at ${baseUrl} in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
    return { baseUrl, stack, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
