import { rmSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { registerCleanup } from './cleanup-registry';
import { copyTree } from './copy-tree';
import { quoteIdent, withClient } from './pg-admin';
import { findPostgresBinaries, postgresOwner, type PostgresBinaries, type ServiceOwner } from './postgres-binaries';
import { trackDir } from './run-state';
import { initCluster, launchPostgres, POSTGRES_USER, type PostgresProcess } from './postgres-process';
import type { PostgresServer } from './postgres-server';
import { isCluster, seedCachePath } from './seed-cache';

const run = promisify(execFile);

/** A native PostgreSQL cluster in its own temp dir, run as the `postgres` user when we are root. */
export class NativePostgresServer implements PostgresServer {
  /** Always `native`. */
  readonly backend = 'native' as const;
  /** Always 127.0.0.1. */
  readonly host = '127.0.0.1';
  /** Always `lab`. */
  readonly user = POSTGRES_USER;
  private stopping: Promise<void> | undefined;

  /** Use {@link startNativePostgres}. */
  constructor(
    readonly bin: PostgresBinaries,
    readonly owner: ServiceOwner | undefined,
    /** The temp dir: `data/` and the Unix socket. Removed by `stop()`. */
    readonly dir: string,
    private proc: PostgresProcess,
    private readonly unregister: () => void,
    /** The argv wrapper every (re)start uses, see {@link LaunchOptions.wrap}. */
    private readonly wrap?: (argv: string[]) => string[],
  ) {}

  /** The postmaster's pid (for cgroups and tests). */
  get pid(): number {
    return this.proc.pid;
  }

  /** The current port (a restart keeps it unless it was taken meanwhile). */
  get port(): number {
    return this.proc.port;
  }

  /** `postgresql://lab@127.0.0.1:<port>/<database>` (default database `postgres`). */
  url(database = 'postgres'): string {
    return `postgresql://${this.user}@${this.host}:${this.port}/${encodeURIComponent(database)}`;
  }

  /** CREATE DATABASE, from `opts.template` with STRATEGY FILE_COPY when given; returns its URL. */
  async createDatabase(name: string, opts?: { template?: string }): Promise<string> {
    // FILE_COPY copies files instead of WAL-logging every block: much faster for the ~400 MB template.
    const from = opts?.template ? ` TEMPLATE ${quoteIdent(opts.template)} STRATEGY FILE_COPY` : '';
    await withClient(this.url(), (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`));
    return this.url(name);
  }

  /** DROP DATABASE IF EXISTS … WITH (FORCE). */
  async dropDatabase(name: string): Promise<void> {
    await withClient(this.url(), (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }

  /** The last lines of the server log. */
  logTail(lines?: number): string {
    return this.proc.logTail(lines);
  }

  /** Replaces the cluster with a copy of `dataDir` (a stopped cluster) and restarts, same port if free. */
  async restartFrom(dataDir: string): Promise<void> {
    const port = this.proc.port;
    await this.proc.stop();
    await rm(join(this.dir, 'data'), { recursive: true, force: true });
    await placeCluster(dataDir, join(this.dir, 'data'), this.owner);
    this.proc = await launchPostgres(launchOptions(this.bin, this.dir, this.owner, port, this.wrap));
  }

  /** Fast shutdown, then removes the temp dir. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.proc.stop();
      await rm(this.dir, { recursive: true, force: true });
      this.unregister();
    })();
    return this.stopping;
  }

  /** Blocking stop for the `exit` path. */
  stopSync(): void {
    this.proc.stopSync();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Starts a native cluster on a free port: a copy of the seeded cache when there is one (so
 * `lab_template` is already there), else a fresh `initdb`. Removed on exit and on signals.
 */
export async function startNativePostgres(log?: (line: string) => void, wrap?: (argv: string[]) => string[]): Promise<NativePostgresServer> {
  const bin = await findPostgresBinaries();
  const owner = postgresOwner();
  const dir = await mkdtemp(join(tmpdir(), 'lab-pg-'));
  const untrack = trackDir(dir, 'PostgreSQL data dir');
  let server: NativePostgresServer | undefined;
  let proc: PostgresProcess | undefined;
  const unregister = registerCleanup(
    async () => {
      if (server) return server.stop();
      await proc?.stop();
      await rm(dir, { recursive: true, force: true });
    },
    {
      sync: () => {
        (server ?? proc)?.stopSync();
        rmSync(dir, { recursive: true, force: true });
      },
    },
  );
  try {
    if (owner) await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o700);
    const cache = await seedCachePath(bin);
    if (await isCluster(cache)) {
      log?.(`infra: PostgreSQL ${bin.version} (native) from the seeded cache ${cache}`);
      await placeCluster(cache, join(dir, 'data'), owner);
    } else {
      log?.(`infra: PostgreSQL ${bin.version} (native), new cluster (no seeded cache yet)`);
      await initCluster(bin, join(dir, 'data'), owner);
    }
    proc = await launchPostgres(launchOptions(bin, dir, owner, undefined, wrap));
    server = new NativePostgresServer(bin, owner, dir, proc, () => (unregister(), untrack()), wrap);
    log?.(`infra: PostgreSQL listening on 127.0.0.1:${proc.port} (pid ${proc.pid}, dir ${dir})`);
    return server;
  } catch (error) {
    await proc?.stop();
    await rm(dir, { recursive: true, force: true });
    unregister();
    untrack();
    throw error;
  }
}

function launchOptions(bin: PostgresBinaries, dir: string, owner: ServiceOwner | undefined, port?: number, wrap?: (argv: string[]) => string[]) {
  return { bin, dataDir: join(dir, 'data'), socketDir: dir, ...(owner ? { owner } : {}), ...(port ? { port } : {}), ...(wrap ? { wrap } : {}) };
}

/** Copies a stopped cluster into place, owned by `owner` (a cache built by another user is re-owned). */
async function placeCluster(src: string, dst: string, owner: ServiceOwner | undefined): Promise<void> {
  await copyTree(src, dst);
  if (owner && (await stat(dst)).uid !== owner.uid) await run('chown', ['-R', `${owner.uid}:${owner.gid}`, dst]);
}
