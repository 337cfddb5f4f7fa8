import { cpus } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath } from './detect';
import { readProcStatus } from './proc';
import { GROUP_MARKER_ENV } from './proc-groups';
import { normalizeProfile } from './profiles';
import { createRoleGroups, type RoleGroups } from './role-groups';
import { eventually, processTracker } from './test-processes';

const host = { cores: cpus().length };
const profile = normalizeProfile(
  { name: 'test', description: 'test', minCores: 1, roles: { server: { cpus: '0', memoryBytes: 1 << 30 }, generator: { cpus: '0' } } },
  host,
);
const haveTaskset = (await findOnPath('taskset', process.env.PATH ?? '')) !== undefined;

describe('taskset and none fallbacks', () => {
  const procs = processTracker();
  const groups: RoleGroups[] = [];
  afterEach(async () => {
    await procs.killAll();
    for (const g of groups.splice(0)) await g.destroy();
  });

  it('says which limits taskset cannot enforce', async () => {
    const g = await createRoleGroups(profile, { mechanism: 'taskset' });
    groups.push(g);
    expect(g.enforced.server).toMatchObject({ cpus: '0', enforced: false });
    expect(g.enforced.server.note).toMatch(/memoryBytes NOT enforced/);
    expect(g.enforced.generator).toMatchObject({ cpus: '0', enforced: true });
    expect(g.enforced.database).toEqual({ enforced: true });
    expect(g.dirs('server')).toEqual([]);
  });

  it('wraps with taskset and a marker that finds the role and its children', async () => {
    const g = await createRoleGroups(profile, { mechanism: 'taskset' });
    groups.push(g);
    const argv = g.wrap('server', ['sh', '-c', 'sleep 30 & wait']);
    expect(argv).toEqual(['env', `${GROUP_MARKER_ENV}=${g.name}/server`, 'taskset', '-c', '0', 'sh', '-c', 'sleep 30 & wait']);
    if (!haveTaskset) return; // argv checked; running it needs util-linux's taskset
    const t = procs.spawn(argv);
    expect(await eventually(async () => (await g.pids('server')).length === 2)).toBe(true);
    expect(await g.pids('server')).toContain(t.pid);
    for (const pid of await g.pids('server')) expect((await readProcStatus(pid))?.cpusAllowedList).toBe('0');
    expect(await g.usage('server')).toMatchObject({ oomKilled: false, source: 'proc' });
    await g.destroy();
    expect((await t.exited).signal).toBe('SIGKILL');
  });

  it('wraps with the marker only when nothing is available', async () => {
    const g = await createRoleGroups(profile, { mechanism: 'none' });
    groups.push(g);
    expect(g.wrap('server', ['true'])).toEqual(['env', `${GROUP_MARKER_ENV}=${g.name}/server`, 'true']);
    expect(g.enforced.server).toMatchObject({ enforced: false });
    expect(g.enforced.server.cpus).toBeUndefined();
  });
});
