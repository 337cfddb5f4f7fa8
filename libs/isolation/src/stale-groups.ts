import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, killAndRemove } from './cgroup-fs';
import { readCurrentCgroups } from './current-cgroups';
import { V1_CONTROLLERS } from './detect';
import { processAlive } from './proc';

/**
 * Remove role groups left behind by lab processes that died without destroy() (a crash, SIGKILL):
 * every `lab-<pid>-<n>` directory under the caller's cgroups whose <pid> no longer runs. Anything
 * still inside is SIGKILLed first. Returns the names removed; groups of live lab processes are
 * never touched. Throws LAB_ISOLATION_CGROUP_BUSY if a group cannot be removed.
 */
export async function removeStaleGroups(opts: { cgroupRoot?: string } = {}): Promise<string[]> {
  const root = opts.cgroupRoot ?? '/sys/fs/cgroup';
  const current = await readCurrentCgroups();
  const bases = V1_CONTROLLERS.map((c) => join(root, c, current.v1.get(c) ?? '/'));
  if (await exists(join(root, 'cgroup.controllers'))) bases.push(join(root, current.unified ?? '/'));
  const removed = new Set<string>();
  for (const base of bases) {
    const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const m = /^lab-(\d+)-\d+$/.exec(entry.name);
      if (!entry.isDirectory() || !m || (await processAlive(Number(m[1])))) continue;
      const top = join(base, entry.name);
      const leaves = (await readdir(top, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(top, e.name));
      await killAndRemove(
        [...leaves, top].map((d) => join(d, 'cgroup.procs')),
        [...leaves, top],
      );
      removed.add(entry.name);
    }
  }
  return [...removed].sort();
}
