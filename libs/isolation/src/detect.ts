import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { readCurrentCgroups } from './current-cgroups';

/** How role limits are applied, best first. */
export type Mechanism = 'cgroup-v2' | 'cgroup-v1' | 'taskset' | 'none';

/** The chosen mechanism and, for people and results, why. */
export interface Detection {
  mechanism: Mechanism;
  reason: string;
}

/** Where detection looks; the defaults are the real system paths (tests point them elsewhere). */
export interface DetectOptions {
  /** cgroup mount point; default /sys/fs/cgroup. */
  cgroupRoot?: string;
  /** The caller's membership file; default /proc/self/cgroup. */
  procSelfCgroup?: string;
  /** PATH searched for taskset; default process.env.PATH. */
  path?: string;
}

/** The v1 controllers the lab uses, each mounted at <cgroupRoot>/<name>. */
export const V1_CONTROLLERS = ['cpu', 'cpuacct', 'cpuset', 'memory'] as const;
/** One of {@link V1_CONTROLLERS}. */
export type V1Controller = (typeof V1_CONTROLLERS)[number];

/**
 * Find the best way to limit roles on this host: cgroup v2 with cpu and memory controllers,
 * else writable cgroup v1 cpu/cpuacct/cpuset/memory hierarchies, else taskset (pinning only),
 * else none. Never throws.
 */
export async function detectMechanism(opts: DetectOptions = {}): Promise<Detection> {
  const root = opts.cgroupRoot ?? '/sys/fs/cgroup';
  const current = await readCurrentCgroups(opts.procSelfCgroup);
  const notes: string[] = [];

  const controllers = await readFile(join(root, 'cgroup.controllers'), 'utf8').catch(() => undefined);
  if (controllers !== undefined) {
    const have = new Set(controllers.trim().split(/\s+/));
    const group = join(root, current.unified ?? '/');
    if (!have.has('cpu') || !have.has('memory')) notes.push(`cgroup v2 at ${root} lacks cpu or memory (has: ${[...have].join(' ') || 'none'})`);
    else if (!(await writable(group))) notes.push(`cgroup v2 group ${group} is not writable`);
    else return { mechanism: 'cgroup-v2', reason: `cgroup v2 at ${root} with cpu and memory controllers, groups under ${group}` };
  } else {
    notes.push(`no cgroup v2 controllers file at ${root}`);
  }

  const missing: string[] = [];
  for (const c of V1_CONTROLLERS) {
    const dir = join(root, c, current.v1.get(c) ?? '/');
    if (!(await writable(join(root, c, 'cgroup.procs'))) || !(await writable(dir))) missing.push(c);
  }
  if (missing.length === 0) {
    const memory = current.v1.get('memory') ?? '/';
    return { mechanism: 'cgroup-v1', reason: `cgroup v1 cpu, cpuacct, cpuset and memory writable at ${root} (memory group ${memory})` };
  }
  notes.push(`cgroup v1 ${missing.join(', ')} not mounted or not writable`);

  const taskset = await findOnPath('taskset', opts.path ?? process.env.PATH ?? '');
  if (taskset) return { mechanism: 'taskset', reason: `${notes.join('; ')}; pinning with ${taskset}, limits NOT enforced` };
  notes.push('taskset not found');
  return { mechanism: 'none', reason: `${notes.join('; ')}; limits NOT enforced` };
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Absolute path of an executable on PATH, or undefined. */
export async function findOnPath(name: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}
