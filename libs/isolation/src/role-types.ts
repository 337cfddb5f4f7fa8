import type { Mechanism } from './detect';
import type { Role } from './profiles';

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
