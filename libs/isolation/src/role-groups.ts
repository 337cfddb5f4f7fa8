import { createV1Groups } from './cgroup-v1';
import { createV2Groups } from './cgroup-v2';
import { readCurrentCgroups } from './current-cgroups';
import { detectMechanism, type Mechanism } from './detect';
import { createProcGroups } from './proc-groups';
import type { ResolvedProfile } from './profiles';
import type { RoleGroups } from './role-types';

export type { RoleEnforcement, RoleGroups, RoleUsage } from './role-types';

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
  const detection = opts.mechanism ? { mechanism: opts.mechanism, reason: `${opts.mechanism} requested` } : await detectMechanism({ cgroupRoot });
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
