import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, joinAndExec, killAndRemove, makeGroupDir, readControl, readKeyed, readNumber, readPids, writeControl } from './cgroup-fs';
import { V1_CONTROLLERS, type V1Controller } from './detect';
import { IsolationError } from './errors';
import { ROLES, type ResolvedProfile, type Role, type RoleLimits } from './profiles';
import type { RoleEnforcement, RoleGroups } from './role-types';

/** Where the v1 groups go: <root>/<controller>/<caller's group for that controller>/<name>/<role>. */
export interface V1Setup {
  name: string;
  reason: string;
  root: string;
  /** The caller's group per controller, from /proc/self/cgroup. */
  current: Map<string, string>;
}

/**
 * cgroup v1 backend (hybrid hosts such as the lab's VMs): one directory per controller and role.
 * cpu: cfs_quota_us/cfs_period_us; cpuset: cpus + mems (both required in v1); memory:
 * limit_in_bytes and memsw.limit_in_bytes when swap accounting exists; cpuacct for usage.
 */
export async function createV1Groups(profile: ResolvedProfile, setup: V1Setup): Promise<RoleGroups> {
  // Co-mounted controllers (e.g. cpu,cpuacct behind two symlinks) share one directory tree.
  const mounts = new Map<V1Controller, string>();
  for (const c of V1_CONTROLLERS) mounts.set(c, await realpath(join(setup.root, c)).catch(() => join(setup.root, c)));
  const top = (c: V1Controller) => join(mounts.get(c)!, setup.current.get(c) ?? '/', setup.name);
  const dir = (c: V1Controller, role: Role) => join(top(c), role);
  const roleDirs = (role: Role) => [...new Set(V1_CONTROLLERS.map((c) => dir(c, role)))];
  const tops = [...new Set(V1_CONTROLLERS.map(top))];
  const created: string[] = [];
  const enforced = {} as Record<Role, RoleEnforcement>;
  try {
    for (const t of tops) {
      await makeGroupDir(t);
      created.push(t);
    }
    // A new v1 cpuset is empty and refuses tasks until cpus and mems are set: inherit the parent's.
    const parent = join(top('cpuset'), '..');
    const cpus = await inherited(parent, 'cpus');
    const mems = await inherited(parent, 'mems');
    await writeControl(join(top('cpuset'), 'cpuset.cpus'), cpus);
    await writeControl(join(top('cpuset'), 'cpuset.mems'), mems);
    for (const role of ROLES) {
      for (const d of roleDirs(role)) {
        await makeGroupDir(d);
        created.push(d);
      }
      enforced[role] = await applyLimits(profile.roles[role], (c) => dir(c, role), cpus, mems);
    }
  } catch (err) {
    await killAndRemove([], created.reverse()).catch(() => undefined);
    throw err;
  }

  let destroyed = false;
  const live = () => {
    if (destroyed) throw new IsolationError('LAB_ISOLATION_DESTROYED', `role groups ${setup.name} were destroyed`, 'create new role groups for the next run');
  };
  const procsFiles = (role: Role) => roleDirs(role).map((d) => join(d, 'cgroup.procs'));

  return {
    name: setup.name,
    mechanism: 'cgroup-v1',
    reason: setup.reason,
    enforced,
    wrap(role, command) {
      live();
      return joinAndExec(procsFiles(role), `lab-${role}`, command);
    },
    async usage(role) {
      live();
      const cpuStat = await readKeyed(join(dir('cpu', role), 'cpu.stat'));
      const oom = await readKeyed(join(dir('memory', role), 'memory.oom_control'));
      const throttledNs = cpuStat.get('throttled_time');
      return {
        cpuSeconds: ((await readNumber(join(dir('cpuacct', role), 'cpuacct.usage'))) ?? 0) / 1e9,
        throttledPeriods: cpuStat.get('nr_throttled'),
        throttledSeconds: throttledNs === undefined ? undefined : throttledNs / 1e9,
        peakMemoryBytes: await readNumber(join(dir('memory', role), 'memory.max_usage_in_bytes')),
        oomKilled: (oom.get('oom_kill') ?? 0) > 0,
        source: 'cgroup',
      };
    },
    async pids(role) {
      live();
      return readPids(procsFiles(role));
    },
    dirs: (role) => roleDirs(role),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      const leaves = ROLES.flatMap(roleDirs);
      await killAndRemove(ROLES.flatMap(procsFiles), [...leaves, ...tops]);
    },
  };
}

async function inherited(parent: string, what: 'cpus' | 'mems'): Promise<string> {
  const own = (await readControl(join(parent, `cpuset.${what}`)))?.trim();
  return own || ((await readControl(join(parent, `cpuset.effective_${what}`))) ?? '').trim();
}

async function applyLimits(limits: RoleLimits, dir: (c: V1Controller) => string, parentCpus: string, mems: string): Promise<RoleEnforcement> {
  const result: RoleEnforcement = { enforced: true };
  await writeControl(join(dir('cpuset'), 'cpuset.cpus'), limits.cpus ?? parentCpus);
  await writeControl(join(dir('cpuset'), 'cpuset.mems'), mems);
  if (limits.cpus !== undefined) result.cpus = limits.cpus;
  if (limits.cpuQuota !== undefined) {
    const periodUs = limits.cpuPeriodUs ?? 100_000;
    await writeControl(join(dir('cpu'), 'cpu.cfs_period_us'), periodUs);
    // The kernel refuses quotas under 1 ms.
    await writeControl(join(dir('cpu'), 'cpu.cfs_quota_us'), Math.max(1_000, Math.round(limits.cpuQuota * periodUs)));
    result.cpuQuota = limits.cpuQuota;
  }
  if (limits.memoryBytes !== undefined) {
    await writeControl(join(dir('memory'), 'memory.limit_in_bytes'), limits.memoryBytes);
    const memsw = join(dir('memory'), 'memory.memsw.limit_in_bytes');
    // memory+swap must be written after memory and be at least as large: equal means no swap.
    if (await exists(memsw)) await writeControl(memsw, limits.memoryBytes);
    else result.note = 'swap is not capped (no memory.memsw.limit_in_bytes)';
    result.memoryBytes = limits.memoryBytes;
  }
  return result;
}
