import { z } from 'zod';
import { parseCpuList } from './cpu-list';
import { IsolationError } from './errors';

/** The processes of one benchmark cell, each placed in its own group. */
export const ROLES = ['server', 'database', 'redis', 'generator', 'helpers'] as const;
/** One of {@link ROLES}. `helpers` covers stubs such as the upstream HTTP service. */
export type Role = (typeof ROLES)[number];

/** Limits for one role. Every field is optional: absent means "not limited". */
export interface RoleLimits {
  /** cpuset CPU list the role may run on, e.g. "0" or "2-3". */
  cpus?: string;
  /** CFS bandwidth quota in CPUs, e.g. 0.5 = half of one core per period. */
  cpuQuota?: number;
  /** CFS period in microseconds; default {@link DEFAULT_CPU_PERIOD_US}. Only used with cpuQuota. */
  cpuPeriodUs?: number;
  /** Memory limit in bytes (swap is capped at the same value where the kernel allows it). */
  memoryBytes?: number;
}

/** A named set of per-role limits, as written in the catalogue. */
export interface ResourceProfile {
  name: string;
  /** One or two sentences for results and `--help`: what the split is and why. */
  description: string;
  /** Fewest cores the host needs for the profile to mean what it says. */
  minCores: number;
  roles: Partial<Record<Role, RoleLimits>>;
}

/** A profile checked against a host: every role present, cpuPeriodUs filled in where a quota is set. */
export interface ResolvedProfile extends ResourceProfile {
  roles: Record<Role, RoleLimits>;
}

/** What resolving a profile needs to know about the host. */
export interface HostCores {
  /** Online CPUs, e.g. `os.availableParallelism()`. */
  cores: number;
}

/** CFS period used when a profile sets cpuQuota without cpuPeriodUs: 100 ms, the kernel default. */
export const DEFAULT_CPU_PERIOD_US = 100_000;

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * The system under test on CPU 0, the load generator on CPU 1, and the helpers (the upstream
 * stub, a process of its own) on CPU 1 beside the generator, never beside the server: a
 * measured split for 2-core hosts (docs/calibration.md), and the same pinned layout on any
 * larger host, so results do not depend on the machine's size.
 */
const twoCoreRoles = {
  server: { cpus: '0', memoryBytes: 2 * GiB },
  database: { cpus: '0', memoryBytes: 1 * GiB },
  redis: { cpus: '0', memoryBytes: 256 * MiB },
  generator: { cpus: '1' },
  helpers: { cpus: '1' },
} satisfies Partial<Record<Role, RoleLimits>>;

function quotaProfile(quota: number): ResourceProfile {
  return {
    name: `quota-${quota}`,
    description:
      `default-2core with the server further limited to ${quota} CPU by a CFS quota (100 ms period), ` +
      'for server-configuration experiments. Quotas add throttling latency: read throttledPeriods.',
    minCores: 2,
    roles: { ...twoCoreRoles, server: { ...twoCoreRoles.server, cpuQuota: quota } },
  };
}

/**
 * A server budget of `cpus` whole CPUs with the same pinned layout, widened: server, database and
 * Redis on CPUs 0…cpus−1 (the server also under a `cpus` CFS quota), the generator and helpers on
 * CPU `cpus`. Needs cpus + 1 cores.
 */
function wideQuotaProfile(cpus: number): ResourceProfile {
  const serverCpus = `0-${cpus - 1}`;
  return {
    name: `quota-${cpus}`,
    description:
      `The default-2core layout widened for server-configuration experiments: server (${cpus} CPU quota), database and Redis ` +
      `on CPUs ${serverCpus}, the generator and helpers on CPU ${cpus}. Needs ${cpus + 1} cores.`,
    minCores: cpus + 1,
    roles: {
      server: { ...twoCoreRoles.server, cpus: serverCpus, cpuQuota: cpus },
      database: { ...twoCoreRoles.database, cpus: serverCpus },
      redis: { ...twoCoreRoles.redis, cpus: serverCpus },
      generator: { cpus: String(cpus) },
      helpers: { cpus: String(cpus) },
    },
  };
}

/** The built-in catalogue, in the order `--help` lists it. */
export const BUILT_IN_PROFILES: readonly ResourceProfile[] = [
  {
    name: 'default-2core',
    description:
      'The default on every host with 2 cores or more: server, database and Redis share CPU 0; the load generator ' +
      'and the helpers (the upstream stub) run on CPU 1, so neither competes with the system under test. ' +
      'Memory: server 2 GiB, database 1 GiB, Redis 256 MiB.',
    minCores: 2,
    roles: twoCoreRoles,
  },
  quotaProfile(0.25),
  quotaProfile(0.5),
  quotaProfile(1),
  wideQuotaProfile(2),
  wideQuotaProfile(4),
  {
    name: 'original',
    description:
      "The original lab's limits: server 2 CPU / 2 GiB, database 2 CPU / 1 GiB (CFS quotas, no pinning), " +
      'generator unlimited. Needs at least 5 cores so the generator keeps a core of its own.',
    minCores: 5,
    roles: {
      server: { cpuQuota: 2, memoryBytes: 2 * GiB },
      database: { cpuQuota: 2, memoryBytes: 1 * GiB },
    },
  },
  {
    name: 'none',
    description: 'No limits: every role shares every core and all memory. Results say limits were not enforced.',
    minCores: 1,
    roles: {},
  },
];

/**
 * The profile used when none is named: `default-2core` on every host with 2 cores or more (one
 * pinned layout everywhere, so a result never depends on the host's size; bigger profiles such
 * as `original` are chosen by name), `none` on a 1-core host.
 */
export function defaultProfileName(host: HostCores): string {
  return host.cores >= 2 ? 'default-2core' : 'none';
}

const roleLimitsSchema = z.strictObject({
  cpus: z
    .string()
    .refine((s) => parseCpuList(s) !== undefined, 'not a CPU list such as "0" or "0-1,3"')
    .optional(),
  cpuQuota: z.number().positive().finite().optional(),
  cpuPeriodUs: z.number().int().min(1_000).max(1_000_000).optional(),
  memoryBytes: z.number().int().positive().optional(),
});

const profileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string(),
  minCores: z.number().int().positive(),
  roles: z.strictObject(Object.fromEntries(ROLES.map((r) => [r, roleLimitsSchema.optional()])) as Record<Role, z.ZodOptional<typeof roleLimitsSchema>>),
});

/**
 * Check a profile against a host and fill in defaults: every role present, cpuPeriodUs where a
 * quota is set. Throws LAB_ISOLATION_PROFILE_INVALID (every problem, with its path) or
 * LAB_ISOLATION_PROFILE_TOO_BIG.
 */
export function normalizeProfile(profile: ResourceProfile, host: HostCores, catalogue = BUILT_IN_PROFILES): ResolvedProfile {
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`);
    throw new IsolationError(
      'LAB_ISOLATION_PROFILE_INVALID',
      `resource profile "${String(profile?.name)}" is invalid: ${problems.join('; ')}`,
      'cpus is a CPU list ("0", "0-1"), cpuQuota a positive number of CPUs, cpuPeriodUs 1000–1000000, memoryBytes a positive integer',
    );
  }
  const problems: string[] = [];
  const roles = {} as Record<Role, RoleLimits>;
  for (const role of ROLES) {
    const limits = { ...profile.roles[role] };
    const cpus = limits.cpus === undefined ? undefined : parseCpuList(limits.cpus)!;
    if (cpus && cpus[cpus.length - 1]! >= host.cores) problems.push(`${role} is pinned to CPUs ${limits.cpus}, beyond CPU ${host.cores - 1}`);
    if (limits.cpuQuota !== undefined && limits.cpuQuota > (cpus?.length ?? host.cores)) {
      problems.push(`${role} has a ${limits.cpuQuota} CPU quota but only ${cpus?.length ?? host.cores} CPUs to run on`);
    }
    if (limits.cpuQuota !== undefined) limits.cpuPeriodUs ??= DEFAULT_CPU_PERIOD_US;
    roles[role] = limits;
  }
  if (host.cores < profile.minCores) problems.unshift(`it needs at least ${profile.minCores} cores`);
  if (problems.length > 0) {
    throw new IsolationError(
      'LAB_ISOLATION_PROFILE_TOO_BIG',
      `resource profile "${profile.name}" does not fit this ${host.cores}-core host: ${problems.join('; ')}`,
      `profiles that fit: ${fittingProfiles(host, catalogue).join(', ') || 'none'}; ` + `the default here is ${defaultProfileName(host)}`,
    );
  }
  return { ...profile, roles };
}

/**
 * Look up a profile by name (default: {@link defaultProfileName}) and normalise it for the host.
 * Throws LAB_ISOLATION_PROFILE_UNKNOWN with the known names in the hint, or the errors of
 * {@link normalizeProfile}.
 */
export function resolveProfile(name: string | undefined, host: HostCores, catalogue = BUILT_IN_PROFILES): ResolvedProfile {
  const wanted = name ?? defaultProfileName(host);
  const profile = catalogue.find((p) => p.name === wanted);
  if (!profile) {
    throw new IsolationError(
      'LAB_ISOLATION_PROFILE_UNKNOWN',
      `unknown resource profile "${wanted}"`,
      `known profiles: ${catalogue.map((p) => p.name).join(', ')}`,
    );
  }
  return normalizeProfile(profile, host, catalogue);
}

function fittingProfiles(host: HostCores, catalogue: readonly ResourceProfile[]): string[] {
  return catalogue
    .filter((p) => {
      try {
        normalizeProfile(p, host, []);
        return true;
      } catch {
        return false;
      }
    })
    .map((p) => p.name);
}
