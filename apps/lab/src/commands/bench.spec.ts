import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureWorkspace, FAKE_SERVER_JS, fixtureManifest, processesIn, runLab, startLab, type FixtureWorkspace } from '../testing/fixture-workspace';

const errorCode = (stderr: string) => /^error\[([A-Z_]+)\]/m.exec(stderr)?.[1];

/** A scenario file: GET /health, closed 2 VUs, with `thresholds`. */
const scenarioTs = (id: string, load: string, thresholds: string[] = [], category = 'basic') => `import { defineScenario } from '@lab/engine';
export default defineScenario({
  id: '${id}', title: 'health', category: '${category}', description: 'GET /health', endpoints: ['health'],
  load: ${load},
  async iteration({ http, check }) {
    const res = await http.get('/health', { endpoint: 'health' });
    check('status is 200', res.status === 200);
  },
  thresholds: ${JSON.stringify(thresholds)},
});
`;

describe('lab bench (subprocess, fixture workspace)', () => {
  let ws: FixtureWorkspace;
  beforeAll(() => {
    ws = createFixtureWorkspace();
    const manifest = fixtureManifest('javascript', {
      env: { FAKE_ID: 'node-fake' },
      variants: [{ id: 'two', description: '2 workers', env: { WORKERS: '2' } }],
    });
    ws.impl('node-fake', manifest, { 'server.js': FAKE_SERVER_JS });
    ws.write('scenarios/01-health/scenario.ts', scenarioTs('01-health', "{ kind: 'closed', vus: 2, durationMs: 1000 }", ['p99 < 1us']));
    ws.write('scenarios/02-open/scenario.ts', scenarioTs('02-open', "{ kind: 'open', ratePerSec: 50, durationMs: 1000, maxInFlight: 8 }"));
  });
  afterAll(() => ws.remove());

  it('--dry-run --json prints every cell plan with its origins and sends no traffic', async () => {
    const args = [
      'bench',
      '--impl',
      'node-fake',
      '--scenario',
      '01-health,02-open',
      '--variant',
      'two',
      '--runs',
      '4..6',
      '--duration',
      '2s',
      '--dry-run',
      '--json',
      '--workspace',
      ws.root,
    ];
    const run = await runLab(args, { LAB_WARMUP_MS: '250', LAB_RUNS: '9..9' });
    expect(run.code).toBe(0);
    const cells = JSON.parse(run.stdout) as Array<{ out: string; plan: Record<string, any> }>;
    expect(cells.map((c) => c.out)).toEqual([
      join(ws.root, 'results/raw/node-fake--two/01-health.json'),
      join(ws.root, 'results/raw/node-fake--two/02-open.json'),
    ]);
    expect(cells[0]!.plan).toMatchObject({
      runs: { min: 4, max: 6 },
      runDurationMs: 2000,
      warmupMs: 250,
      variant: { id: 'two' },
      serverEnv: { WORKERS: '2', FAKE_ID: 'node-fake' },
    });
    expect(cells[0]!.plan.origins).toMatchObject({ 'runs.min': 'option', durationMs: 'option', warmupMs: 'env' });
    // --driver auto (the default): the Go generator for the closed fixed mix, native for the open load, each with why.
    expect(cells.map((c) => [c.plan.driver, c.plan.driverChoice])).toEqual([
      ['loadgen', 'loadgen: closed load with a fixed request mix (1 request per iteration)'],
      ['native', 'native: the open load model needs the native driver (the generator runs closed loops and sweeps only)'],
    ]);
    expect(existsSync(join(ws.root, 'results'))).toBe(false);
  });

  it("--vus and --sweep name their own result file, never the cell's", async () => {
    const run = await runLab(['bench', '--impl', 'node-fake', '--scenario', '01-health', '--vus', '5', '--dry-run', '--json', '--workspace', ws.root]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).map((c: { out: string }) => c.out)).toEqual([join(ws.root, 'results/raw/node-fake/01-health--vus5.json')]);
  });

  it.each([
    ['no --scenario', ['--impl', 'node-fake'], 'LAB_USAGE_BAD_ARGUMENTS'],
    ['an unknown scenario', ['--impl', 'node-fake', '--scenario', '09-nope'], 'LAB_UNKNOWN_SCENARIO'],
    ['an unknown implementation', ['--impl', 'go-nope', '--scenario', '01-health'], 'LAB_UNKNOWN_IMPL'],
    ['--out with several cells', ['--impl', 'node-fake', '--scenario', '01-health,02-open', '--out', 'x.json'], 'LAB_USAGE_BAD_ARGUMENTS'],
    ['bad --runs', ['--impl', 'node-fake', '--scenario', '01-health', '--runs', 'many'], 'LAB_USAGE_BAD_VALUE'],
    ['bad --precision', ['--impl', 'node-fake', '--scenario', '01-health', '--precision', '150%'], 'LAB_USAGE_BAD_VALUE'],
    ['bad --duration', ['--impl', 'node-fake', '--scenario', '01-health', '--duration', 'soon'], 'LAB_USAGE_BAD_VALUE'],
    ['wrk on an open load', ['--impl', 'node-fake', '--scenario', '02-open', '--driver', 'wrk'], 'LAB_USAGE_BAD_VALUE'],
    ['loadgen on an open load', ['--impl', 'node-fake', '--scenario', '02-open', '--driver', 'loadgen'], 'LAB_USAGE_BAD_VALUE'],
    ['an unknown driver', ['--impl', 'node-fake', '--scenario', '01-health', '--driver', 'k6'], 'LAB_USAGE_BAD_VALUE'],
    ['an unknown variant', ['--impl', 'node-fake', '--scenario', '01-health', '--variant', 'turbo'], 'LAB_USAGE_BAD_VALUE'],
    ['--twin with several cells', ['--impl', 'node-fake', '--scenario', '01-health,02-open', '--twin'], 'LAB_USAGE_BAD_ARGUMENTS'],
    ['--twin with --interleave', ['--impl', 'node-fake', '--scenario', '01-health', '--twin', '--interleave'], 'LAB_USAGE_BAD_ARGUMENTS'],
  ])('%s is a usage error (exit 2)', async (_name, args, code) => {
    const run = await runLab(['bench', ...args, '--dry-run', '--workspace', ws.root]);
    expect([run.code, errorCode(run.stderr)]).toEqual([2, code]);
    expect(run.stderr).toMatch(/^hint: /m);
  });

  it('measures a cell, prints the summary, writes the result and exits 4 on a breached threshold', async () => {
    const out = join(ws.root, 'out/cell.json');
    const args = [
      'bench',
      '--impl',
      'node-fake',
      '--scenario',
      '01-health',
      '--runs',
      '1',
      '--duration',
      '1s',
      '--profile',
      'none',
      '--out',
      out,
      '--workspace',
      ws.root,
    ];
    // A private lock: a real `lab bench` elsewhere on this machine must not make the test wait.
    const run = await runLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock') });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/req\/s \.+: /);
    expect(run.stderr).toMatch(/threshold \.+: ✗ p99 < 1us/);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.runs).toHaveLength(1);
    expect(result.thresholds).toEqual([expect.objectContaining({ expression: 'p99 < 1us', ok: false })]);
  }, 180_000);

  it('--twin measures the cell as two interleaved copies and splits its run-to-run spread', async () => {
    const out = join(ws.root, 'out/twin.json');
    const args = [
      'bench',
      '--impl',
      'node-fake',
      '--scenario',
      '01-health',
      '--twin',
      '--preset',
      'suite',
      '--runs',
      '3',
      '--duration',
      '1s',
      '--profile',
      'none',
      '--out',
      out,
      '--json',
      '--workspace',
      ws.root,
    ];
    const run = await runLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock') });
    expect(run.code, run.stderr).toBe(4); // the scenario's p99 < 1us threshold is breached, as above
    const [a, b] = [out, join(ws.root, 'out/twin.twin.json')].map((file) => JSON.parse(readFileSync(file, 'utf8')));
    expect([a.runs.length, b.runs.length]).toEqual([3, 3]);
    expect(a.extras.interleaveBlock).toEqual(expect.any(String));
    expect(b.extras.interleaveBlock).toBe(a.extras.interleaveBlock);
    // Rounds alternate: A A′, A′ A, A A′.
    const starts = [a.runs[0], b.runs[0], b.runs[1], a.runs[1], a.runs[2], b.runs[2]].map((r) => Date.parse(r.startedAt));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    const { spread } = JSON.parse(run.stdout);
    expect(spread).toMatchObject({ rounds: 3, total: expect.any(Number), perRun: expect.any(Number), common: expect.any(Number) });
    expect(spread.commonShare).toBeGreaterThanOrEqual(0);
    expect(spread.commonShare).toBeLessThanOrEqual(1);
    expect(existsSync(join(ws.root, 'results/raw/node-fake/01-health--none.json'))).toBe(false);
  }, 240_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'stops cleanly on %s mid-run: exit %d, no result, no process left in the workspace',
    async (signal, exitCode) => {
      const out = join(ws.root, `out/${signal}.json`);
      const args = [
        'bench',
        '--impl',
        'node-fake',
        '--scenario',
        '01-health',
        '--runs',
        '3',
        '--duration',
        '20s',
        '--profile',
        'none',
        '--out',
        out,
        '--workspace',
        ws.root,
      ];
      const lab = startLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock') });
      let stderr = '';
      lab.stderr.setEncoding('utf8');
      lab.stderr.on('data', (chunk: string) => (stderr += chunk));
      // Signal once the cell is measuring and its server runs (it works in the workspace).
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (/measuring/.test(stderr) && processesIn(join(ws.root, 'implementations')).length > 0) {
            clearInterval(poll);
            setTimeout(resolve, 1500);
          }
        }, 200);
        lab.once('exit', () => {
          clearInterval(poll);
          reject(new Error(`lab bench ended early:\n${stderr}`));
        });
      });
      lab.kill(signal);
      const [code] = await once(lab, 'exit');
      expect(code, stderr).toBe(exitCode);
      expect(existsSync(out)).toBe(false);
      // The fake server ran with its cwd in the workspace: nothing may still run there.
      for (let i = 0; i < 50 && processesIn(ws.root).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(processesIn(ws.root)).toEqual([]);
    },
    180_000,
  );
});

describe('lab bench --impl all --scenario <category> (a suite with a broken implementation)', () => {
  let ws: FixtureWorkspace;
  beforeAll(() => {
    ws = createFixtureWorkspace();
    ws.impl('node-dies', fixtureManifest('javascript', { readiness: { path: '/health', timeoutMs: 5_000 } }), { 'server.js': 'process.exit(3);\n' });
    ws.impl('node-fake', fixtureManifest('javascript', { env: { FAKE_ID: 'node-fake' } }), { 'server.js': FAKE_SERVER_JS });
    ws.write('scenarios/01-health/scenario.ts', scenarioTs('01-health', "{ kind: 'closed', vus: 2, durationMs: 1000 }"));
    ws.write('scenarios/15-cached/scenario.ts', scenarioTs('15-cached', "{ kind: 'closed', vus: 2, durationMs: 1000 }", [], 'caching'));
  });
  afterAll(() => ws.remove());

  it('--dry-run expands all and the category, at the suite preset', async () => {
    const run = await runLab(['bench', '--impl', 'all', '--scenario', 'basic', '--preset', 'suite', '--dry-run', '--json', '--workspace', ws.root]);
    expect(run.code).toBe(0);
    const cells = JSON.parse(run.stdout) as Array<{ plan: Record<string, any> }>;
    expect(cells.map((c) => `${c.plan.implementation.id} ${c.plan.scenario.id}`)).toEqual(['node-dies 01-health', 'node-fake 01-health']);
    expect(cells[0]!.plan).toMatchObject({ preset: 'suite', runs: { min: 3, max: 3 }, warmupMs: 1_000, quiet: { timeoutMs: 2_000 } });
  });

  it('reports the failing cell, measures the rest, ends with the summary table and exits 3', async () => {
    const args = [
      'bench',
      '--impl',
      'all',
      '--scenario',
      'basic',
      '--preset',
      'suite',
      '--runs',
      '1',
      '--duration',
      '1s',
      '--profile',
      'none',
      '--workspace',
      ws.root,
    ];
    const run = await runLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock') });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/\[1\/2\] node-dies × 01-health @ none: FAILED error\[LAB_IMPL_NOT_READY\]/);
    expect(run.stderr).toMatch(/\[2\/2\] node-fake × 01-health @ none: [\d,]+ req\/s/);
    expect(run.stderr).toMatch(/^Summary: req\/s \(geometric mean of runs\)/m);
    expect(run.stderr).toMatch(/^\s+01-health\s+FAILED error\[LAB_IMPL_NOT_READY\]\s+\S/m);
    expect(run.stderr).toMatch(/2 cells: 1 measured \(\d not valid\), 1 failed/);
    // Only the basic scenario's cell, named for the explicit profile.
    expect(readdirSync(join(ws.root, 'results/raw/node-fake'))).toEqual(['01-health--none.json']);
  }, 240_000);

  it("--interleave alternates the cells' runs round by round, a line per run, and still reports the failing cell", async () => {
    const args = [
      'bench',
      '--impl',
      'all',
      '--scenario',
      'basic',
      '--interleave',
      '--runs',
      '2',
      '--duration',
      '1s',
      '--profile',
      'none',
      '--workspace',
      ws.root,
    ];
    const run = await runLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock') });
    expect(run.code).toBe(3);
    const turns = run.stderr.split('\n').flatMap((l) => /\[round \d+\] cell \d+\/\d+ run \d+/.exec(l) ?? []);
    expect(turns).toEqual(['[round 1] cell 1/2 run 1', '[round 1] cell 2/2 run 1', '[round 2] cell 2/2 run 2']);
    expect(run.stderr).toMatch(/\[1\/2\] node-dies × 01-health @ none: FAILED error\[LAB_IMPL_NOT_READY\]/);
    expect(run.stderr).toMatch(/^Summary: req\/s \(geometric mean of runs\)/m);
    const result = JSON.parse(readFileSync(join(ws.root, 'results/raw/node-fake/01-health--none.json'), 'utf8'));
    expect(result.runs).toHaveLength(2);
    expect(result.extras).toMatchObject({ interleaved: true, interleaveCells: 2 });
  }, 240_000);
});

describe('lab bench with a server that dies mid-run', () => {
  let ws: FixtureWorkspace;
  /** Dies (exit 3) after 300 requests, saying so on stderr. */
  const DYING_SERVER_JS = `let served = 0;
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok', server: 'node-crash' }));
  if (++served === 300) { console.error('node-crash: dying after 300 requests'); process.exit(3); }
}).listen(Number(process.env.PORT), process.env.HOST);
`;
  beforeAll(() => {
    ws = createFixtureWorkspace();
    ws.impl('node-crash', fixtureManifest('javascript'), { 'server.js': DYING_SERVER_JS });
    ws.impl('node-fake', fixtureManifest('javascript', { env: { FAKE_ID: 'node-fake' } }), { 'server.js': FAKE_SERVER_JS });
    ws.write('scenarios/01-health/scenario.ts', scenarioTs('01-health', "{ kind: 'closed', vus: 2, durationMs: 1000 }"));
  });
  afterAll(() => ws.remove());

  it('fails that cell with the exit code and last output, measures the next, exits 3 and leaves nothing behind', async () => {
    const tmp = join(ws.root, 'tmp');
    mkdirSync(tmp);
    for (const dir of [ws.root, tmp]) chmodSync(dir, 0o755); // PostgreSQL runs as `postgres` and must reach its dir
    const args = [
      'bench',
      '--impl',
      'all',
      '--scenario',
      '01-health',
      '--runs',
      '1',
      '--duration',
      '5s',
      '--profile',
      'none',
      '--skip-gate',
      '--workspace',
      ws.root,
    ];
    const run = await runLab(args, { LAB_WARMUP_MS: '200', LAB_BENCH_LOCK: join(ws.root, 'bench.lock'), TMPDIR: tmp, LAB_RUN_DIR: join(ws.root, 'run') });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      /\[1\/2\] node-crash × 01-health @ none: FAILED error\[LAB_IMPL_CRASHED\] node-crash exited during the measurement: code 3; last output:/,
    );
    expect(run.stderr).toContain('  node-crash: dying after 300 requests');
    expect(run.stderr).toMatch(/\[2\/2\] node-fake × 01-health @ none: [\d,]+ req\/s/);
    expect(run.stderr).toMatch(/2 cells: 1 measured \(\d not valid\), 1 failed/);
    // The failed cell's file says so: never a rate, never valid.
    const crashed = JSON.parse(readFileSync(join(ws.root, 'results/raw/node-crash/01-health--none.json'), 'utf8'));
    expect(crashed).toMatchObject({ runs: [], stats: null, validity: { verdict: 'crashed' } });
    expect(processesIn(ws.root)).toEqual([]);
    // tsx-<uid> is the TypeScript loader's compile cache (the CLI runs through tsx), not the lab's.
    expect(readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
    expect(existsSync(join(ws.root, 'run')) ? readdirSync(join(ws.root, 'run')) : []).toEqual([]);
  }, 240_000);
});
