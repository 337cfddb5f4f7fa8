import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readPids } from './cgroup-fs';
import { detectMechanism } from './detect';
import { isIsolationError } from './errors';
import { readProcStatus } from './proc';
import { normalizeProfile, ROLES, type RoleLimits } from './profiles';
import { createRoleGroups, type RoleGroups } from './role-groups';
import { removeStaleGroups } from './stale-groups';
import { eventually, processTracker } from './test-processes';

const detection = await detectMechanism();
const host = { cores: cpus().length };
const MiB = 1024 ** 2;

function profile(server: RoleLimits, hostCores = host.cores) {
  return normalizeProfile({ name: 'test', description: 'test', minCores: 1, roles: { server } }, { cores: hostCores });
}

// Real cgroups: runs where detection finds v1 (the lab's hybrid VMs, as root).
describe.skipIf(detection.mechanism !== 'cgroup-v1')(`cgroup v1 backend (${detection.reason})`, () => {
  const procs = processTracker();
  const groups: RoleGroups[] = [];
  const create = async (limits: RoleLimits) => {
    const g = await createRoleGroups(profile(limits));
    groups.push(g);
    return g;
  };
  afterEach(async () => {
    await procs.killAll();
    for (const g of groups.splice(0)) await g.destroy();
  });

  it('holds a busy loop under a 0.5 CPU quota and pins it to its cpuset', async () => {
    const g = await create({ cpus: '0', cpuQuota: 0.5 });
    expect(g.enforced.server).toEqual({ cpus: '0', cpuQuota: 0.5, enforced: true });
    const hog = procs.spawn(g.wrap('server', ['sh', '-c', 'while :; do :; done']));
    // The wrapper joins the controllers one at a time before it execs: wait until it is in all of them (cpuset too).
    const inEveryController = async () =>
      (await Promise.all(g.dirs('server').map((d) => readPids([join(d, 'cgroup.procs')])))).every((p) => p.includes(hog.pid));
    expect(await eventually(inEveryController)).toBe(true);
    expect((await readProcStatus(hog.pid))?.cpusAllowedList).toBe('0');

    const before = await g.usage('server');
    const started = performance.now();
    await sleep(1_500);
    const after = await g.usage('server');
    const wallSeconds = (performance.now() - started) / 1_000;
    hog.child.kill('SIGKILL');

    // A limit, not a speed: the quota allows 0.5 CPU-s per second; the bound leaves room for timer slop.
    expect((after.cpuSeconds - before.cpuSeconds) / wallSeconds).toBeLessThan(0.75);
    expect(after.cpuSeconds).toBeGreaterThan(0);
    expect(after.throttledPeriods).toEqual(expect.any(Number));
    expect(after.source).toBe('cgroup');
  });

  it('has the kernel OOM-kill a memory hog over a 64 MiB limit and reports it', async () => {
    const g = await create({ memoryBytes: 64 * MiB });
    // Stops by itself at 512 MiB, so a missing limit fails the test instead of eating the host.
    const hog = procs.spawn(g.wrap('server', [process.execPath, '-e', 'const a = []; for (let i = 0; i < 64; i++) a.push(Buffer.alloc(8 << 20, 1));']));
    const { signal } = await hog.exited;
    expect(signal).toBe('SIGKILL');
    const usage = await g.usage('server');
    expect(usage.oomKilled).toBe(true);
    expect(usage.peakMemoryBytes).toBeLessThanOrEqual(64 * MiB);
  });

  it('starts the wrapped process and its later children inside the group', async () => {
    const g = await create({ cpus: '0' });
    const root = procs.spawn(g.wrap('server', ['sh', '-c', 'sleep 30 & sleep 30 & wait']));
    expect(await eventually(async () => (await g.pids('server')).length === 3)).toBe(true);
    const pids = await g.pids('server');
    expect(pids).toContain(root.pid);
    const memoryDir = g.dirs('server').find((d) => d.includes('/memory/'))!;
    const memoryGroup = memoryDir.slice(memoryDir.indexOf('/memory/') + '/memory'.length);
    for (const pid of pids) {
      expect(readFileSync(`/proc/${pid}/cgroup`, 'utf8')).toContain(`:memory:${memoryGroup}\n`);
      expect((await readProcStatus(pid))?.cpusAllowedList).toBe('0');
    }
  });

  it('destroy() kills what is left and removes every directory', async () => {
    const g = await create({ cpus: '0', cpuQuota: 0.5, memoryBytes: 64 * MiB });
    const sleeper = procs.spawn(g.wrap('server', ['sleep', '30']));
    expect(await eventually(async () => (await g.pids('server')).length === 1)).toBe(true);
    const dirs = ROLES.flatMap((r) => g.dirs(r));
    const tops = [...new Set(dirs.map((d) => join(d, '..')))];
    expect(tops.every(existsSync)).toBe(true);
    await g.destroy();
    expect((await sleeper.exited).signal).toBe('SIGKILL');
    expect([...dirs, ...tops].filter(existsSync)).toEqual([]);
    await g.destroy(); // idempotent
    await expect(g.usage('server')).rejects.toMatchObject({ code: 'LAB_ISOLATION_DESTROYED' });
  });

  it('does not run the command when joining the group fails', async () => {
    const g = await create({});
    const argv = g.wrap('server', ['true']);
    argv[2] = argv[2]!.replace(/cgroup\.procs/, 'no-such-dir/cgroup.procs');
    const { code } = await procs.spawn(argv).exited;
    expect(code).not.toBe(0);
  });

  it('reports LAB_ISOLATION_CGROUP_WRITE for a CPU the host lacks, leaving nothing behind', async () => {
    const tooWide = profile({ cpus: String(host.cores) }, host.cores + 1);
    const err = await createRoleGroups(tooWide, { name: `lab-${process.pid}-bad` }).catch((e: unknown) => e);
    expect(isIsolationError(err, 'LAB_ISOLATION_CGROUP_WRITE')).toBe(true);
    expect(existsSync(`/sys/fs/cgroup/cpu/lab-${process.pid}-bad`)).toBe(false);
    expect(existsSync(`/sys/fs/cgroup/cpuset/lab-${process.pid}-bad`)).toBe(false);
  });
});

describe('createRoleGroups without writable cgroups', () => {
  it('reports LAB_ISOLATION_CGROUP_WRITE with the way out in the hint', async () => {
    const err = await createRoleGroups(profile({ cpus: '0' }), { mechanism: 'cgroup-v1', cgroupRoot: '/nonexistent-cgroup-root' }).catch((e: unknown) => e);
    expect(isIsolationError(err, 'LAB_ISOLATION_CGROUP_WRITE')).toBe(true);
    expect((err as Error & { hint: string }).hint).toMatch(/root|none/);
  });
});

describe.skipIf(detection.mechanism !== 'cgroup-v1')('removeStaleGroups on cgroup v1', () => {
  const procs = processTracker();
  afterEach(() => procs.killAll());

  it('removes the groups of a lab process that is gone, with what was left inside', async () => {
    const gone = procs.spawn(['true']);
    await gone.exited;
    const name = `lab-${gone.pid}-0`;
    const g = await createRoleGroups(profile({ cpus: '0' }), { name });
    const orphan = procs.spawn(g.wrap('server', ['sleep', '30']));
    expect(await eventually(async () => (await g.pids('server')).length === 1)).toBe(true);
    const dirs = ROLES.flatMap((r) => g.dirs(r));
    try {
      expect(await removeStaleGroups()).toContain(name);
      expect((await orphan.exited).signal).toBe('SIGKILL');
      expect(dirs.filter(existsSync)).toEqual([]);
    } finally {
      await g.destroy();
    }
  });

  it('leaves the groups of live lab processes alone', async () => {
    const g = await createRoleGroups(profile({}));
    try {
      expect(await removeStaleGroups()).not.toContain(g.name);
      expect(g.dirs('server').every(existsSync)).toBe(true);
    } finally {
      await g.destroy();
    }
  });
});
