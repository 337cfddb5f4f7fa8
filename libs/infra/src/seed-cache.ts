import { rmSync } from 'node:fs';
import { access, chmod, chown, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from './cleanup-registry';
import { moveDirAtomically } from './copy-tree';
import { InfraError } from './errors';
import { labCacheDir } from './lab-cache-dir';
import { withFileLock } from './file-lock';
import type { PostgresBinaries, ServiceOwner } from './postgres-binaries';
import { initCluster, launchPostgres, POSTGRES_USER, type PostgresProcess } from './postgres-process';
import { seedDatabase } from './seed-database';
import { trackDir } from './run-state';
import { readSeedSql, TEMPLATE_DATABASE } from './seed-sql';

/** Where the seeded, stopped cluster for these binaries and this schema/seed lives. */
export async function seedCachePath(bin: PostgresBinaries): Promise<string> {
  const { hash } = await readSeedSql();
  return join(labCacheDir(), `pg-${bin.major}-${hash}`);
}

/** True when `dir` holds a complete cluster (the cache is only ever renamed into place whole). */
export async function isCluster(dir: string): Promise<boolean> {
  return access(join(dir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * Returns the cached seeded cluster, building it first if needed: initdb in a temp dir, seed
 * `lab_template`, clean shutdown, an atomic move into the cache, then removal of caches of other
 * SQL versions. A lock makes concurrent callers (other processes) wait for one build.
 */
export async function ensureSeedCache(opts: { bin: PostgresBinaries; owner?: ServiceOwner; log?: (line: string) => void }): Promise<string> {
  const target = await seedCachePath(opts.bin);
  if (await isCluster(target)) return target;
  await mkdir(labCacheDir(), { recursive: true });
  return withFileLock(`${target}.lock`, 20 * 60_000, async () => {
    if (await isCluster(target)) return target;
    opts.log?.(`infra: building the seeded PostgreSQL cache ${target} (once per schema or seed change)`);
    const startedMs = Date.now();
    const work = await mkdtemp(join(tmpdir(), 'lab-pg-build-'));
    const untrack = trackDir(work, 'PostgreSQL cache build dir');
    let server: PostgresProcess | undefined;
    const unregister = registerCleanup(
      async () => {
        await server?.stop();
        await rm(work, { recursive: true, force: true });
      },
      {
        sync: () => {
          server?.stopSync();
          rmSync(work, { recursive: true, force: true });
        },
      },
    );
    try {
      if (opts.owner) await chown(work, opts.owner.uid, opts.owner.gid);
      await chmod(work, 0o700);
      const dataDir = join(work, 'data');
      await initCluster(opts.bin, dataDir, opts.owner);
      server = await launchPostgres({
        bin: opts.bin,
        dataDir,
        socketDir: work,
        ...(opts.owner ? { owner: opts.owner } : {}),
        settings: { wal_level: 'minimal', max_wal_senders: '0', min_wal_size: '32MB' },
      });
      await seedDatabase(`postgresql://${POSTGRES_USER}@127.0.0.1:${server.port}/postgres`, TEMPLATE_DATABASE);
      await server.stop();
      const exit = await server.exited;
      if (exit.code !== 0) {
        throw new InfraError('LAB_PG_START_FAILED', `the cache cluster did not shut down cleanly:\n${server.logTail(20)}`);
      }
      await moveDirAtomically(dataDir, target);
      opts.log?.(`infra: seeded cache built in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
      await pruneOtherCaches(target);
      return target;
    } finally {
      await server?.stop();
      await rm(work, { recursive: true, force: true });
      unregister();
      untrack();
    }
  });
}

/** Removes caches of older SQL versions (`pg-*` siblings of `keep`): ~400 MB each. Best effort. */
async function pruneOtherCaches(keep: string): Promise<void> {
  const root = labCacheDir();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const path = join(root, name);
    if (path === keep || !/^pg-\d+-[0-9a-f]{16}$/.test(name)) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
