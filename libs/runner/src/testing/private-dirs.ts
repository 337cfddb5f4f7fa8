import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers beforeAll/afterAll hooks that give a spec file a private TMPDIR (every temp dir a
 * cell creates — PostgreSQL, Redis, wrk — lands there, so "no temp dirs left" is checkable on a
 * shared machine) and a private output dir for result files and lock files. Read the paths
 * inside tests, after beforeAll ran.
 */
export function usePrivateDirs(prefix: string): { readonly tmp: string; readonly out: string } {
  const dirs = { tmp: '', out: '' };
  const savedTmp = process.env.TMPDIR;
  beforeAll(async () => {
    dirs.tmp = await mkdtemp(join(tmpdir(), `${prefix}-tmp-`));
    await chmod(dirs.tmp, 0o755); // PostgreSQL runs as `postgres` and must reach its dir
    dirs.out = await mkdtemp(join(tmpdir(), `${prefix}-out-`));
    process.env.TMPDIR = dirs.tmp;
  });
  afterAll(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(dirs.tmp, { recursive: true, force: true });
    await rm(dirs.out, { recursive: true, force: true });
  });
  return dirs;
}

/** cgroup v1 cpu groups this process created and did not remove (none when cgroups are not used). */
export async function leftoverGroups(): Promise<string[]> {
  const names = await readdir('/sys/fs/cgroup/cpu').catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`lab-${process.pid}-`));
}
