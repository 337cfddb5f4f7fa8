import { sampleProcessTree } from '@lab/isolation';
import type { Role } from '@lab/results';

/**
 * Where a role's processes are: the pid of its process tree's root; `self` (the lab process,
 * where the native driver runs); or a lookup of the role's pids (e.g. `RoleGroups.pids`),
 * called each second until it finds one, whose tree is read from then on (a generator that
 * starts after sampling began).
 */
export type RoleSource = number | 'self' | (() => Promise<number[]>);

/** One role's reading: CPU-seconds so far and resident memory now (bytes). */
export interface RoleReading {
  cpuSeconds: number;
  rssBytes: number;
}

/** One sampling round: when (ms since sampling started) and what each role read (absent: unreadable). */
export interface RolesSample {
  atMs: number;
  roles: Partial<Record<Role, RoleReading>>;
}

/** What {@link startRoleSampling} collected. */
export interface RoleSampling {
  /** One per scheduled second from 0 (sampling start) on, plus the final reading; null where a round was skipped. */
  samples: (RolesSample | null)[];
  /** Wall time the rounds took, summed (ms): an upper bound of the sampler's own CPU. */
  busyMs: number;
}

/**
 * Reads every role's process tree (`sampleProcessTree`: /proc/<pid>/stat, status and the
 * children files of each process in the tree) at the start and then once every `intervalMs`
 * (default 1000) on a fixed schedule (no drift), until `stop()` (idempotent), which takes a
 * last reading. A round still running when the next is due makes that round skip (null). Never
 * throws: a role that cannot be read is left out of its round.
 */
export function startRoleSampling(sources: Partial<Record<Role, RoleSource>>, intervalMs = 1000): { stop(): Promise<RoleSampling> } {
  const started = performance.now();
  const samples: (RolesSample | null)[] = [];
  const found = new Map<Role, number>();
  let busyMs = 0;
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const readRole = async (role: Role, source: RoleSource): Promise<RoleReading | undefined> => {
    if (source === 'self') {
      const cpu = process.cpuUsage();
      return { cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBytes: process.memoryUsage.rss() };
    }
    let pid = typeof source === 'number' ? source : found.get(role);
    if (pid === undefined && typeof source === 'function') {
      pid = (await source().catch(() => [] as number[]))[0];
      if (pid !== undefined) found.set(role, pid);
    }
    if (pid === undefined) return undefined;
    const tree = await sampleProcessTree(pid).catch(() => undefined);
    return tree && tree.pids.length > 0 ? { cpuSeconds: tree.cpuSeconds, rssBytes: tree.rssBytes } : undefined;
  };
  const round = async (slot: number) => {
    const t0 = performance.now();
    const entries = await Promise.all(Object.entries(sources).map(async ([role, source]) => [role, await readRole(role as Role, source)] as const));
    const roles: Partial<Record<Role, RoleReading>> = {};
    for (const [role, reading] of entries) if (reading) roles[role as Role] = reading;
    samples[slot] = { atMs: t0 - started, roles };
    busyMs += performance.now() - t0;
  };
  const schedule = (slot: number) => {
    timer = setTimeout(
      () => {
        if (stopped) return;
        if (!running) running = round(slot).finally(() => (running = undefined));
        else samples[slot] = null;
        schedule(slot + 1);
      },
      Math.max(0, started + slot * intervalMs - performance.now()),
    );
  };
  running = round(0).finally(() => (running = undefined));
  schedule(1);
  let result: Promise<RoleSampling> | undefined;
  return {
    stop() {
      result ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
        await round(samples.length);
        return { samples: Array.from(samples, (s) => s ?? null), busyMs };
      })();
      return result;
    },
  };
}
