import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoleSampling } from './sample-roles';

const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
afterAll(() => void child.kill('SIGKILL'));

describe('startRoleSampling (real processes)', () => {
  it('reads a process tree by pid, the lab process as self, and a role found later by lookup', async () => {
    let lookups = 0;
    const sampler = startRoleSampling({ server: child.pid!, generator: 'self', database: async () => (++lookups >= 2 ? [child.pid!] : []) }, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { samples, busyMs } = await sampler.stop();
    const taken = samples.filter((s) => s !== null);
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(busyMs).toBeGreaterThan(0);
    for (const s of taken) {
      expect(s.roles.server?.rssBytes).toBeGreaterThan(0);
      expect(s.roles.generator?.rssBytes).toBeGreaterThan(0);
    }
    // The lookup found nothing the first time, then the child, and keeps it.
    expect(taken[0]!.roles.database).toBeUndefined();
    expect(taken[taken.length - 1]!.roles.database?.rssBytes).toBeGreaterThan(0);
    expect(lookups).toBe(2);
    expect(taken.map((s) => s.atMs)).toEqual([...taken.map((s) => s.atMs)].sort((a, b) => a - b));
  });

  it('leaves out a role whose process is gone, and stop() is idempotent', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    const sampler = startRoleSampling({ redis: gone.pid! }, 20);
    const first = await sampler.stop();
    expect(await sampler.stop()).toBe(first);
    expect(first.samples.every((s) => s === null || s.roles.redis === undefined)).toBe(true);
  });
});
