import { describe, expect, it } from 'vitest';
import { isIsolationError, type IsolationError } from './errors';
import { BUILT_IN_PROFILES, defaultProfileName, normalizeProfile, resolveProfile, ROLES } from './profiles';

function thrown(fn: () => unknown): IsolationError {
  try {
    fn();
  } catch (err) {
    if (isIsolationError(err)) return err;
    throw err;
  }
  throw new Error('expected an IsolationError');
}

describe('resolveProfile', () => {
  it.each([
    [1, 'none'],
    [2, 'default-2core'],
    [4, 'default-2core'],
    [5, 'default-2core'],
    [16, 'default-2core'],
    [64, 'default-2core'],
  ])('picks a default for %d cores: %s', (cores, name) => {
    expect(defaultProfileName({ cores })).toBe(name);
    expect(resolveProfile(undefined, { cores }).name).toBe(name);
  });

  it('gives a 2-core and a 16-core host the same pinned layout by default', () => {
    const layout = (cores: number) => resolveProfile(undefined, { cores }).roles;
    expect(layout(16)).toEqual(layout(2));
    expect(layout(16).helpers.cpus).toBe('1');
  });

  it('puts the system under test on CPU 0, the generator and the helpers on CPU 1 in default-2core', () => {
    const p = resolveProfile('default-2core', { cores: 2 });
    expect([p.roles.server.cpus, p.roles.database.cpus, p.roles.redis.cpus, p.roles.generator.cpus, p.roles.helpers.cpus]).toEqual(['0', '0', '0', '1', '1']);
    expect([p.roles.server.memoryBytes, p.roles.database.memoryBytes, p.roles.redis.memoryBytes]).toEqual([2 * 1024 ** 3, 1024 ** 3, 256 * 1024 ** 2]);
    expect(p.description).toMatch(/2 cores or more/);
  });

  it.each([
    ['quota-0.25', 0.25],
    ['quota-0.5', 0.5],
    ['quota-1', 1],
  ])('%s limits the server to %d CPU on the default-2core cpusets, period filled in', (name, quota) => {
    const p = resolveProfile(name, { cores: 2 });
    expect(p.roles.server).toMatchObject({ cpus: '0', cpuQuota: quota, cpuPeriodUs: 100_000 });
    expect(p.roles.generator.cpus).toBe('1');
  });

  it.each([
    ['quota-2', 2, '0-1', '2', 3],
    ['quota-4', 4, '0-3', '4', 5],
  ])('%s gives the server %d CPUs pinned to %s, the generator CPU %s, and needs %d cores', (name, quota, serverCpus, generatorCpus, cores) => {
    const p = resolveProfile(name, { cores });
    expect(p.roles.server).toMatchObject({ cpus: serverCpus, cpuQuota: quota });
    expect([p.roles.database.cpus, p.roles.redis.cpus, p.roles.generator.cpus, p.roles.helpers.cpus]).toEqual([
      serverCpus,
      serverCpus,
      generatorCpus,
      generatorCpus,
    ]);
    expect(thrown(() => resolveProfile(name, { cores: cores - 1 })).code).toBe('LAB_ISOLATION_PROFILE_TOO_BIG');
  });

  it('gives every role an entry, empty for none', () => {
    const p = resolveProfile('none', { cores: 1 });
    expect(Object.keys(p.roles).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(p.roles[role]).toEqual({});
  });

  it('rejects an unknown name, listing the known profiles in the hint', () => {
    const err = thrown(() => resolveProfile('turbo', { cores: 2 }));
    expect(err.code).toBe('LAB_ISOLATION_PROFILE_UNKNOWN');
    for (const p of BUILT_IN_PROFILES) expect(err.hint).toContain(p.name);
  });

  it.each([
    ['original', 2],
    ['original', 4],
    ['default-2core', 1],
    ['quota-0.5', 1],
  ])('rejects %s on %d cores, hinting at profiles that fit', (name, cores) => {
    const err = thrown(() => resolveProfile(name, { cores }));
    expect(err.code).toBe('LAB_ISOLATION_PROFILE_TOO_BIG');
    expect(err.hint).toContain('none');
    expect(err.hint).not.toContain(name);
  });

  it('accepts original on 5 cores', () => {
    expect(resolveProfile('original', { cores: 5 }).roles.server).toMatchObject({ cpuQuota: 2, memoryBytes: 2 * 1024 ** 3 });
  });
});

describe('normalizeProfile', () => {
  const base = { name: 'custom', description: '', minCores: 1 };

  it('reports every malformed limit at once, with its path', () => {
    const err = thrown(() => normalizeProfile({ ...base, roles: { server: { cpus: 'zero', cpuQuota: -1 }, redis: { memoryBytes: 1.5 } } }, { cores: 2 }));
    expect(err.code).toBe('LAB_ISOLATION_PROFILE_INVALID');
    expect(err.message).toContain('roles.server.cpus');
    expect(err.message).toContain('roles.server.cpuQuota');
    expect(err.message).toContain('roles.redis.memoryBytes');
  });

  it.each([[{ server: { cpus: '2' } }], [{ server: { cpus: '0', cpuQuota: 1.5 } }]])('rejects limits beyond the host: %j', (roles) => {
    expect(thrown(() => normalizeProfile({ ...base, roles }, { cores: 2 })).code).toBe('LAB_ISOLATION_PROFILE_TOO_BIG');
  });

  it('keeps an explicit period', () => {
    expect(normalizeProfile({ ...base, roles: { server: { cpuQuota: 0.5, cpuPeriodUs: 10_000 } } }, { cores: 2 }).roles.server.cpuPeriodUs).toBe(10_000);
  });
});
