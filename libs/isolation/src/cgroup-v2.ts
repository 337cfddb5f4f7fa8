// UNTESTED: the lab's hosts are hybrid (cgroup v1 limits); no v2 host with cpu and memory
// controllers was available. Kept small on purpose; test it on a v2 host before relying on it.
import { join } from 'node:path';
import { exists, joinAndExec, killAndRemove, makeGroupDir, readControl, readKeyed, readNumber, readPids, writeControl } from './cgroup-fs';
import { IsolationError } from './errors';
import { ROLES, type ResolvedProfile, type Role } from './profiles';
import type { RoleEnforcement, RoleGroups } from './role-types';

/** Where the v2 groups go: <root><caller's group>/<name>/<role>. */
export interface V2Setup {
  name: string;
  reason: string;
  root: string;
  /** The caller's cgroup2 path ("0::" line of /proc/self/cgroup). */
  group: string;
}

const CONTROLLERS = ['cpu', 'cpuset', 'memory'];

/** cgroup v2 backend: cpu.max, cpuset.cpus/mems, memory.max, memory.swap.max; cgroup.kill on destroy. */
export async function createV2Groups(profile: ResolvedProfile, setup: V2Setup): Promise<RoleGroups> {
  const base = join(setup.root, setup.group);
  const top = join(base, setup.name);
  const dir = (role: Role) => join(top, role);
  const created: string[] = [];
  const enforced = {} as Record<Role, RoleEnforcement>;
  try {
    await enableControllers(base);
    await makeGroupDir(top);
    created.push(top);
    await writeControl(join(top, 'cgroup.subtree_control'), CONTROLLERS.map((c) => `+${c}`).join(' '));
    const mems = ((await readControl(join(top, 'cpuset.mems.effective'))) ?? '').trim();
    for (const role of ROLES) {
      const limits = profile.roles[role];
      await makeGroupDir(dir(role));
      created.push(dir(role));
      const result: RoleEnforcement = { enforced: true };
      if (limits.cpus !== undefined) {
        await writeControl(join(dir(role), 'cpuset.cpus'), limits.cpus);
        if (mems) await writeControl(join(dir(role), 'cpuset.mems'), mems);
        result.cpus = limits.cpus;
      }
      if (limits.cpuQuota !== undefined) {
        const periodUs = limits.cpuPeriodUs ?? 100_000;
        await writeControl(join(dir(role), 'cpu.max'), `${Math.max(1_000, Math.round(limits.cpuQuota * periodUs))} ${periodUs}`);
        result.cpuQuota = limits.cpuQuota;
      }
      if (limits.memoryBytes !== undefined) {
        await writeControl(join(dir(role), 'memory.max'), limits.memoryBytes);
        if (await exists(join(dir(role), 'memory.swap.max'))) await writeControl(join(dir(role), 'memory.swap.max'), 0);
        result.memoryBytes = limits.memoryBytes;
      }
      enforced[role] = result;
    }
  } catch (err) {
    await killAndRemove([], created.reverse()).catch(() => undefined);
    throw err;
  }

  let destroyed = false;
  const live = () => {
    if (destroyed) throw new IsolationError('LAB_ISOLATION_DESTROYED', `role groups ${setup.name} were destroyed`, 'create new role groups for the next run');
  };
  const procs = (role: Role) => [join(dir(role), 'cgroup.procs')];

  return {
    name: setup.name,
    mechanism: 'cgroup-v2',
    reason: setup.reason,
    enforced,
    wrap(role, command) {
      live();
      return joinAndExec(procs(role), `lab-${role}`, command);
    },
    async usage(role) {
      live();
      const cpu = await readKeyed(join(dir(role), 'cpu.stat'));
      const events = await readKeyed(join(dir(role), 'memory.events'));
      const throttledUs = cpu.get('throttled_usec');
      return {
        cpuSeconds: (cpu.get('usage_usec') ?? 0) / 1e6,
        throttledPeriods: cpu.get('nr_throttled'),
        throttledSeconds: throttledUs === undefined ? undefined : throttledUs / 1e6,
        peakMemoryBytes: await readNumber(join(dir(role), 'memory.peak')), // kernel ≥ 5.19
        oomKilled: (events.get('oom_kill') ?? 0) > 0,
        source: 'cgroup',
      };
    },
    async pids(role) {
      live();
      return readPids(procs(role));
    },
    dirs: (role) => [dir(role)],
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const role of ROLES) await writeControl(join(dir(role), 'cgroup.kill'), 1).catch(() => undefined); // kernel ≥ 5.14
      await killAndRemove(ROLES.flatMap(procs), [...ROLES.map(dir), top]);
    },
  };
}

/** Make cpu, cpuset and memory available to the caller's children (fails if the caller's group must stay a leaf). */
async function enableControllers(base: string): Promise<void> {
  const enabled = ((await readControl(join(base, 'cgroup.subtree_control'))) ?? '').split(/\s+/);
  const missing = CONTROLLERS.filter((c) => !enabled.includes(c));
  if (missing.length === 0) return;
  try {
    await writeControl(join(base, 'cgroup.subtree_control'), missing.map((c) => `+${c}`).join(' '));
  } catch (err) {
    throw new IsolationError(
      'LAB_ISOLATION_CGROUP_WRITE',
      `cannot delegate ${missing.join(', ')} below ${base} (a cgroup with processes cannot enable controllers for its children)`,
      'start the lab in a delegated scope (systemd-run --scope -p Delegate=yes …), or choose --profile none',
      { cause: err },
    );
  }
}
