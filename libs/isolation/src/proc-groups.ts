import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { IsolationError } from './errors';
import { clockTicksPerSecond, listPids, processAlive, readProcStat, readProcStatus, signalQuietly } from './proc';
import { ROLES, type ResolvedProfile, type Role } from './profiles';
import type { RoleEnforcement, RoleGroups } from './role-types';

/** Environment variable that marks a role's processes when there are no cgroups: <name>/<role>. */
export const GROUP_MARKER_ENV = 'LAB_ISOLATION_GROUP';

/** Name, detection reason and which fallback {@link createProcGroups} builds. */
export interface ProcSetup {
  name: string;
  reason: string;
  mechanism: 'taskset' | 'none';
}

/**
 * Fallback without cgroups. `taskset` pins each role to its cpus and enforces nothing else;
 * `none` enforces nothing. Processes are tagged with {@link GROUP_MARKER_ENV} (inherited by
 * children), so pids() and usage() can still find them in /proc; usage covers live processes only.
 */
export function createProcGroups(profile: ResolvedProfile, setup: ProcSetup): RoleGroups {
  const enforced = {} as Record<Role, RoleEnforcement>;
  for (const role of ROLES) enforced[role] = enforcement(profile.roles[role], setup.mechanism);
  const marker = (role: Role) => `${GROUP_MARKER_ENV}=${setup.name}/${role}`;
  let destroyed = false;
  const live = () => {
    if (destroyed) throw new IsolationError('LAB_ISOLATION_DESTROYED', `role groups ${setup.name} were destroyed`, 'create new role groups for the next run');
  };
  const pids = async (role: Role) => {
    const wanted = marker(role);
    const found: number[] = [];
    await Promise.all(
      (await listPids()).map(async (pid) => {
        const env = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
        if (env.split('\0').includes(wanted)) found.push(pid);
      }),
    );
    return found.sort((a, b) => a - b);
  };

  return {
    name: setup.name,
    mechanism: setup.mechanism,
    reason: setup.reason,
    enforced,
    wrap(role, command) {
      live();
      const cpus = profile.roles[role].cpus;
      const pin = setup.mechanism === 'taskset' && cpus !== undefined ? ['taskset', '-c', cpus] : [];
      return ['env', marker(role), ...pin, ...command];
    },
    async usage(role) {
      live();
      const ticksPerSecond = await clockTicksPerSecond();
      const rolePids = await pids(role);
      const stats = await Promise.all(rolePids.map(readProcStat));
      const statuses = await Promise.all(rolePids.map(readProcStatus));
      const ticks = stats.reduce((sum, s) => sum + (s ? s.selfTicks + s.reapedChildrenTicks : 0), 0);
      return {
        cpuSeconds: ticks / ticksPerSecond,
        peakMemoryBytes: statuses.reduce((sum, s) => sum + (s?.hwmBytes ?? 0), 0),
        oomKilled: false,
        source: 'proc',
      };
    },
    async pids(role) {
      live();
      return pids(role);
    },
    dirs: () => [],
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      const all = (await Promise.all(ROLES.map(pids))).flat().filter((p) => p !== process.pid);
      for (const pid of all) signalQuietly(pid, 'SIGKILL');
      const deadline = performance.now() + 3_000;
      while (performance.now() < deadline && (await Promise.all(all.map(processAlive))).some(Boolean)) await sleep(25);
    },
  };
}

function enforcement(limits: ResolvedProfile['roles'][Role], mechanism: 'taskset' | 'none'): RoleEnforcement {
  const wanted = Object.entries({ cpus: limits.cpus, cpuQuota: limits.cpuQuota, memoryBytes: limits.memoryBytes })
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (wanted.length === 0) return { enforced: true };
  if (mechanism === 'taskset' && limits.cpus !== undefined) {
    const missing = wanted.filter((k) => k !== 'cpus');
    return missing.length === 0
      ? { cpus: limits.cpus, enforced: true, note: 'pinned with taskset' }
      : { cpus: limits.cpus, enforced: false, note: `taskset pins only: ${missing.join(' and ')} NOT enforced` };
  }
  return { enforced: false, note: `no isolation mechanism: ${wanted.join(', ')} NOT enforced` };
}
