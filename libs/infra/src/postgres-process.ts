import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InfraError } from './errors';
import { findFreePort } from './free-port';
import { LogRing } from './log-ring';
import { canConnect } from './pg-admin';
import type { PostgresBinaries, ServiceOwner } from './postgres-binaries';
import { exitOf, stopChild, stopSync, type ProcessExit } from './process-control';
import { trackProcess } from './run-state';

const run = promisify(execFile);

/** The superuser every lab cluster is created with (trust authentication, loopback only). */
export const POSTGRES_USER = 'lab';

/** Server settings for benchmarking: durability off (the data is disposable), UTC, statement stats. */
export const POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
  shared_buffers: '256MB',
  timezone: 'UTC',
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'all',
};

/** A running `postgres` postmaster, started directly (not through pg_ctl) so it can join a cgroup. */
export interface PostgresProcess {
  readonly pid: number;
  readonly port: number;
  readonly exited: Promise<ProcessExit>;
  logTail(lines?: number): string;
  /** Fast shutdown (SIGINT), SIGKILL to the group after `timeoutMs` (default 15000). */
  stop(timeoutMs?: number): Promise<void>;
  /** The same, blocking, for the `exit` path. */
  stopSync(): void;
}

/** Runs `initdb` as `owner` (trust auth, UTF8, C.UTF-8, no fsync). */
export async function initCluster(bin: PostgresBinaries, dataDir: string, owner?: ServiceOwner): Promise<void> {
  const args = ['-D', dataDir, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'];
  try {
    await run(join(bin.bindir, 'initdb'), args, { ...owner, cwd: '/' });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new InfraError('LAB_PG_START_FAILED', `initdb failed:\n${stderr.trim()}`, { cause: error });
  }
}

/** Options of {@link launchPostgres}. */
export interface LaunchOptions {
  bin: PostgresBinaries;
  dataDir: string;
  /** Directory for the Unix socket (the cluster's temp dir). */
  socketDir: string;
  owner?: ServiceOwner;
  /** Extra or overriding `-c` settings. */
  settings?: Record<string, string>;
  /** Port to try first (e.g. the previous port on a restart); otherwise a free one. */
  port?: number;
  /** Readiness timeout (default 60000 ms). */
  timeoutMs?: number;
  /**
   * Rewrites the postmaster's argv before it is spawned (e.g. `RoleGroups.wrap('database', …)`);
   * the wrapper must `exec` it. With an `owner`, the wrapper runs as us and `setpriv` drops to the
   * owner afterwards, so a wrapper that joins a root-owned cgroup still can.
   */
  wrap?: (argv: string[]) => string[];
}

/** The argv and spawn identity of the postmaster: wrapped and dropped to `owner` with setpriv when asked. */
function postmasterCommand(opts: LaunchOptions, args: string[]): { argv: string[]; owner?: ServiceOwner } {
  const postgres = join(opts.bin.bindir, 'postgres');
  if (!opts.wrap) return { argv: [postgres, ...args], ...(opts.owner ? { owner: opts.owner } : {}) };
  const drop = opts.owner ? ['setpriv', `--reuid=${opts.owner.uid}`, `--regid=${opts.owner.gid}`, '--clear-groups', '--'] : [];
  return { argv: opts.wrap([...drop, postgres, ...args]) };
}

/**
 * Starts `postgres -D dataDir` on a free loopback port and waits until it accepts connections.
 * Retries with another port when the chosen one was taken in the meantime.
 */
export async function launchPostgres(opts: LaunchOptions): Promise<PostgresProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && opts.port ? opts.port : await findFreePort();
    try {
      return await launchOnce(opts, port);
    } catch (error) {
      const tail = error instanceof InfraError ? error.message : '';
      if (attempt < 4 && /Address already in use|could not create any TCP\/IP sockets/.test(tail)) continue;
      throw error;
    }
  }
}

async function launchOnce(opts: LaunchOptions, port: number): Promise<PostgresProcess> {
  const settings = { ...POSTGRES_SETTINGS, ...opts.settings };
  const args = ['-D', opts.dataDir, '-p', String(port), '-k', opts.socketDir];
  for (const [key, value] of Object.entries(settings)) args.push('-c', `${key}=${value}`);
  const command = postmasterCommand(opts, args);
  const child = spawn(command.argv[0]!, command.argv.slice(1), {
    ...command.owner,
    cwd: '/',
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ring = new LogRing();
  ring.follow(child.stdout);
  ring.follow(child.stderr);
  child.once('error', (error) => ring.push(`spawn failed: ${error.message}`));
  const exited = exitOf(child);
  const pid = child.pid ?? -1;
  void exited.then(trackProcess(pid, 'PostgreSQL'));
  let stopping: Promise<void> | undefined;
  const handle: PostgresProcess = {
    pid,
    port,
    exited,
    logTail: (lines) => ring.tail(lines),
    stop: (timeoutMs = 15_000) => (stopping ??= stopChild(pid, exited, 'SIGINT', timeoutMs)),
    stopSync: () => stopSync(pid, 'SIGINT'),
  };

  const url = `postgresql://${POSTGRES_USER}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    if (await canConnect(url)) return handle;
    if (Date.now() > deadline) {
      await handle.stop(5000);
      throw new InfraError('LAB_SERVICE_TIMEOUT', `PostgreSQL on port ${port} not ready in time; log:\n${ring.tail(30)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await exited;
  // Give the pipes a moment to deliver the last log lines.
  await new Promise((resolve) => setTimeout(resolve, 20));
  throw new InfraError('LAB_PG_START_FAILED', `postgres exited during start-up; log:\n${ring.tail(30)}`);
}
