import { createV1Groups } from './cgroup-v1';
import { createV2Groups } from './cgroup-v2';
import { readCurrentCgroups } from './current-cgroups';
import { detectMechanism, type Mechanism } from './detect';
import { createProcGroups } from './proc-groups';
import type { ResolvedProfile, Role } from './profiles';

/** What a role actually got: the limits in force, and whether that is everything the profile asked for. */
export interface RoleEnforcement {
  cpus?: string;
  /** CPUs. */
  cpuQuota?: number;
  memoryBytes?: number;
  /** True when every limit the profile set for this role is in force (vacuously true for no limits). */
  enforced: boolean;
  /** What is missing or worth knowing, e.g. "taskset pins only: memoryBytes not enforced". */
  note?: string;
}

/** A role's resource use so far (cumulative since the group was created). */
export interface RoleUsage {
  /** CPU-seconds used by every process that was ever in the group (cgroup), or by the live ones (proc). */
  cpuSeconds: number;
  /** CFS periods in which the group was throttled (cgroup backends only). */
  throttledPeriods?: number;
  /** Total time throttled, in seconds (cgroup backends only). */
  throttledSeconds?: number;
  /** Peak memory charged to the group (cgroup) or summed VmHWM of live processes (proc), in bytes. Page cache counts only where first touched. */
  peakMemoryBytes?: number;
  /** The kernel's OOM killer killed a process of this group. */
  oomKilled: boolean;
  /** Where the numbers come from: cgroup counters, or /proc of the processes still alive. */
  source: 'cgroup' | 'proc';
}

/** Per-role groups for one lab run. Create with {@link createRoleGroups}; always destroy(). */
export interface RoleGroups {
  /** Unique name, e.g. lab-1234-0: the directory under the caller's cgroup. */
  readonly name: string;
  readonly mechanism: Mechanism;
  /** Why this mechanism was chosen. */
  readonly reason: string;
  readonly enforced: Record<Role, RoleEnforcement>;
  /**
   * The argv that runs `command` inside the role's group: an exec wrapper
   * (`/bin/sh -c 'echo $$ > …/cgroup.procs && … && exec "$@"' lab-<role> cmd…`), so the process and all its
   * later children start inside the group; if joining fails the command does not run.
   */
  wrap(role: Role, command: readonly string[]): string[];
  usage(role: Role): Promise<RoleUsage>;
  /** Processes currently in the role's group. */
  pids(role: Role): Promise<number[]>;
  /** The role's cgroup directories (none for taskset and none). */
  dirs(role: Role): string[];
  /** SIGKILL anything still in the groups, then remove them. Idempotent. */
  destroy(): Promise<void>;
}

/** Options for {@link createRoleGroups}. */
export interface CreateRoleGroupsOptions {
  /** Group name; default lab-<pid>-<n>, unique within this process. */
  name?: string;
  /** Skip detection and use this mechanism (e.g. 'taskset' in tests or on request). */
  mechanism?: Mechanism;
  /** cgroup mount point; default /sys/fs/cgroup. */
  cgroupRoot?: string;
}

let counter = 0;

/**
 * Create one group per role with the profile's limits, using the best mechanism the host offers
 * (see detectMechanism). Throws LAB_ISOLATION_CGROUP_WRITE when a cgroup cannot be set up; what
 * was created is removed again.
 */
export async function createRoleGroups(profile: ResolvedProfile, opts: CreateRoleGroupsOptions = {}): Promise<RoleGroups> {
  const name = opts.name ?? `lab-${process.pid}-${counter++}`;
  const cgroupRoot = opts.cgroupRoot ?? '/sys/fs/cgroup';
  const detection = opts.mechanism
    ? { mechanism: opts.mechanism, reason: `${opts.mechanism} requested` }
    : await detectMechanism({ cgroupRoot });
  const current = await readCurrentCgroups();
  switch (detection.mechanism) {
    case 'cgroup-v2':
      return createV2Groups(profile, { name, reason: detection.reason, root: cgroupRoot, group: current.unified ?? '/' });
    case 'cgroup-v1':
      return createV1Groups(profile, { name, reason: detection.reason, root: cgroupRoot, current: current.v1 });
    case 'taskset':
    case 'none':
      return createProcGroups(profile, { name, reason: detection.reason, mechanism: detection.mechanism });
  }
}
