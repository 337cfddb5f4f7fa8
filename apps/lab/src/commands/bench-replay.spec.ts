import { availableParallelism, cpus } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellPlan } from '@lab/runner';
import { createFixtureWorkspace, fixtureManifest, REPO_ROOT, runLab, type FixtureWorkspace } from '../testing/fixture-workspace';
import { findReplay, replayQuery, type ReplayQuery } from './bench-replay';

/** A committed-looking result (the report library's fixture) for `cell`, recorded under `taskHash` on `host`. */
function fakeResult(patch: { taskHash: string; cell: ReplayQuery['cell']; host: ReplayQuery['host']; createdAt?: string }): Record<string, any> {
  const r = JSON.parse(readFileSync(join(REPO_ROOT, 'libs/report/fixtures/results/typescript-node-http--01-lightweight.json'), 'utf8'));
  r.cell = { ...r.cell, ...patch.cell };
  r.provenance = {
    ...r.provenance,
    nxTaskHash: patch.taskHash,
    hostFingerprint: { ...r.provenance.hostFingerprint, ...patch.host },
    ...(patch.createdAt ? { createdAt: patch.createdAt } : {}),
  };
  return r;
}

const cell = { implementation: 'node-fake', variant: 'default', scenario: '01-health', profile: 'none' };
const thisHost = { cpuModel: cpus()[0]?.model.trim() || 'unknown', cores: availableParallelism() };

describe('findReplay', () => {
  let dir: string;
  const write = (name: string, value: unknown) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  };
  const query: ReplayQuery = { taskHash: '4711', cell, host: { cpuModel: 'AMD EPYC 7B13', cores: 2 } };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-replay-'));
    write('node-fake/01-health.json', fakeResult({ taskHash: '4711', cell, host: query.host, createdAt: '2026-11-26T10:00:00.000Z' }));
    write('older/01-health.json', fakeResult({ taskHash: '4711', cell, host: query.host, createdAt: '2026-11-20T10:00:00.000Z' }));
    write('broken/01-health.json', '{ "nxTaskHash": "4711", not json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the newest result recorded under the task hash for the cell and host class, skipping unreadable files', async () => {
    const found = await findReplay(dir, query);
    expect(found?.file).toBe(join(dir, 'node-fake/01-health.json'));
    expect(found?.result.provenance.nxTaskHash).toBe('4711');
  });

  it.each([
    ['another task hash', { ...query, taskHash: '4712' }],
    ['another CPU model', { ...query, host: { ...query.host, cpuModel: 'Intel Xeon' } }],
    ['another core count', { ...query, host: { ...query.host, cores: 4 } }],
    ['another implementation', { ...query, cell: { ...cell, implementation: 'go-fiber' } }],
    ['another scenario', { ...query, cell: { ...cell, scenario: '02-json' } }],
    ['another variant', { ...query, cell: { ...cell, variant: 'cluster-2' } }],
    ['another profile', { ...query, cell: { ...cell, profile: 'default-2core' } }],
  ])('replays nothing for %s', async (_name, q) => {
    expect(await findReplay(dir, q)).toBeUndefined();
  });

  it('replays nothing when there is no results/published', async () => {
    expect(await findReplay(join(dir, 'missing'), query)).toBeUndefined();
  });

  it('never replays a crashed cell, even the newest match', async () => {
    const crashed = {
      ...fakeResult({ taskHash: '4711', cell, host: query.host, createdAt: '2026-11-27T10:00:00.000Z' }),
      validity: { verdict: 'crashed', reasons: ['the implementation crashed: code 3'] },
    };
    write('crashed/01-health.json', crashed);
    try {
      expect((await findReplay(dir, query))?.file).toBe(join(dir, 'node-fake/01-health.json'));
    } finally {
      rmSync(join(dir, 'crashed'), { recursive: true, force: true });
    }
  });
});

describe('replayQuery', () => {
  const plan = {
    implementation: { id: 'node-fake' },
    variant: { id: 'default' },
    scenario: { id: '01-health' },
    profile: { name: 'none' },
  } as unknown as CellPlan;

  it('asks for the running Nx task hash, the cell and the host class', () => {
    expect(replayQuery(plan, { NX_TASK_HASH: '4711' }, thisHost)).toEqual({ taskHash: '4711', cell, host: thisHost });
  });

  it('asks nothing outside Nx or when Nx was told to skip its cache', () => {
    expect(replayQuery(plan, {}, thisHost)).toBeUndefined();
    expect(replayQuery(plan, { NX_TASK_HASH: '4711', NX_SKIP_NX_CACHE: 'true' }, thisHost)).toBeUndefined();
  });
});

describe('lab bench --nx with a committed result under the same task hash (subprocess)', () => {
  let ws: FixtureWorkspace;
  const published = 'results/published/node-fake/01-health.json';
  beforeAll(() => {
    ws = createFixtureWorkspace();
    // A server that cannot start: any attempt to measure fails instead of sending traffic.
    ws.impl('node-fake', fixtureManifest('javascript', { start: { command: 'false' }, readiness: { path: '/health', timeoutMs: 2_000 } }));
    ws.write(
      'scenarios/01-health/scenario.ts',
      `import { defineScenario } from '@lab/engine';
export default defineScenario({
  id: '01-health', title: 'health', category: 'basic', description: 'GET /health', endpoints: ['health'],
  load: { kind: 'closed', vus: 2, durationMs: 1000 },
  async iteration({ http, check }) { check('status is 200', (await http.get('/health', { endpoint: 'health' })).status === 200); },
});
`,
    );
    ws.write(published, `${JSON.stringify(fakeResult({ taskHash: 'fake-task-hash-4711', cell, host: thisHost }), null, 2)}\n`);
  });
  afterAll(() => ws.remove());

  const bench = (out: string, env: Record<string, string>) =>
    runLab(['bench', '--impl', 'node-fake', '--scenario', '01-health', '--profile', 'none', '--out', out, '--nx', '--workspace', ws.root], {
      LAB_BENCH_LOCK: join(ws.root, 'bench.lock'),
      // This test may run inside an Nx task started with --skip-nx-cache.
      NX_SKIP_NX_CACHE: '',
      ...env,
    });

  it('copies the committed file to the output unchanged, says so, and measures nothing', async () => {
    const out = join(ws.root, 'results/raw/node-fake/01-health.json');
    const run = await bench(out, { NX_TASK_HASH: 'fake-task-hash-4711' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/replaying results\/published\/node-fake\/01-health\.json/);
    expect(run.stderr).not.toMatch(/measuring node-fake/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ws.root, published), 'utf8'));
  });

  it('measures (here: fails, the server cannot start) under another task hash or with --skip-nx-cache', async () => {
    const envs: Array<Record<string, string>> = [{ NX_TASK_HASH: 'another-hash' }, { NX_TASK_HASH: 'fake-task-hash-4711', NX_SKIP_NX_CACHE: 'true' }];
    for (const env of envs) {
      const out = join(ws.root, `out-${env.NX_TASK_HASH}-${'NX_SKIP_NX_CACHE' in env}.json`);
      const run = await bench(out, env);
      expect(run.code).toBe(3);
      expect(run.stderr).not.toMatch(/replaying/);
      if (!('NX_SKIP_NX_CACHE' in env)) expect(run.stderr).toMatch(/no committed result .* under this Nx task hash \(another-hash\) and host class; measuring/);
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);
});
