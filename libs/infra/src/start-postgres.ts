import { startContainerPostgres } from './container-postgres';
import { InfraError } from './errors';
import { startNativePostgres } from './native-postgres';
import type { PostgresServer } from './postgres-server';
import { probeDocker } from './probe-docker';

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  /** `auto` (default): a container when Docker answers, else native processes. */
  backend?: 'auto' | 'native' | 'container';
  /** Progress lines (the backend chosen, ports, cache use). Libraries never print. */
  log?: (line: string) => void;
  /**
   * Native only: rewrites the postmaster's argv before spawning, e.g. `(argv) => groups.wrap('database', argv)`
   * so PostgreSQL and every backend it forks run inside a resource group. The wrapper must `exec`.
   */
  wrap?: (argv: string[]) => string[];
}

/**
 * Starts a PostgreSQL server on a free loopback port. Native: Debian's server binaries in a temp
 * dir (copied from the seeded cache when present); container: testcontainers. Call `stop()`;
 * it is also stopped on exit, SIGINT and SIGTERM.
 */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PostgresServer> {
  const backend = opts.backend ?? 'auto';
  if (backend === 'native') return startNativePostgres(opts.log, opts.wrap);
  const docker = await probeDocker();
  if (backend === 'container' && !docker) {
    throw new InfraError('LAB_DOCKER_UNAVAILABLE', 'backend "container" was asked for but no Docker engine answered');
  }
  opts.log?.(`infra: Docker ${docker ? 'answered: using containers' : 'not available: using native PostgreSQL'}`);
  return docker ? startContainerPostgres(opts.log) : startNativePostgres(opts.log, opts.wrap);
}
