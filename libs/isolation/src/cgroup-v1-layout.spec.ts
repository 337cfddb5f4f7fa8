import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createV1Groups } from './cgroup-v1';
import { normalizeProfile } from './profiles';

// A fake v1 tree in a temp directory (plain files, no kernel): checks layout and the files written.
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeV1(coMounted: boolean): string {
  root = mkdtempSync(join(tmpdir(), 'lab-isolation-v1-'));
  if (coMounted) {
    mkdirSync(join(root, 'cpu,cpuacct'));
    symlinkSync('cpu,cpuacct', join(root, 'cpu'));
    symlinkSync('cpu,cpuacct', join(root, 'cpuacct'));
  } else {
    for (const c of ['cpu', 'cpuacct']) mkdirSync(join(root, c));
  }
  mkdirSync(join(root, 'cpuset'));
  writeFileSync(join(root, 'cpuset', 'cpuset.cpus'), '0-1\n');
  writeFileSync(join(root, 'cpuset', 'cpuset.mems'), '0\n');
  mkdirSync(join(root, 'memory', 'host-group'), { recursive: true });
  return root;
}

const profile = normalizeProfile(
  { name: 't', description: '', minCores: 1, roles: { server: { cpus: '0', cpuQuota: 0.25, memoryBytes: 1 << 26 } } },
  { cores: 2 },
);
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

describe('cgroup v1 layout', () => {
  it('creates each group under the caller’s group per hierarchy and writes the limits', async () => {
    const r = fakeV1(false);
    const g = await createV1Groups(profile, { name: 'lab-1-0', reason: 'test', root: r, current: new Map([['memory', '/host-group']]) });
    expect(g.dirs('server')).toEqual(['cpu', 'cpuacct', 'cpuset', 'memory/host-group'].map((d) => join(r, d, 'lab-1-0', 'server')));
    expect(read('cpu/lab-1-0/server/cpu.cfs_quota_us')).toBe('25000');
    expect(read('cpu/lab-1-0/server/cpu.cfs_period_us')).toBe('100000');
    expect([read('cpuset/lab-1-0/cpuset.cpus'), read('cpuset/lab-1-0/server/cpuset.cpus'), read('cpuset/lab-1-0/database/cpuset.cpus')]).toEqual([
      '0-1',
      '0',
      '0-1',
    ]);
    expect(read('cpuset/lab-1-0/server/cpuset.mems')).toBe('0');
    expect(read('memory/host-group/lab-1-0/server/memory.limit_in_bytes')).toBe(String(1 << 26));
    expect(g.enforced.server.note).toMatch(/swap is not capped/);
  });

  it('uses one directory for co-mounted cpu,cpuacct', async () => {
    const r = fakeV1(true);
    const g = await createV1Groups(profile, { name: 'lab-1-0', reason: 'test', root: r, current: new Map() });
    expect(g.dirs('server')).toHaveLength(3);
    expect(existsSync(join(r, 'cpu,cpuacct', 'lab-1-0', 'server', 'cpu.cfs_quota_us'))).toBe(true);
    const script = g.wrap('server', ['true'])[2]!;
    expect(script.match(/cgroup\.procs/g)).toHaveLength(3);
  });
});
