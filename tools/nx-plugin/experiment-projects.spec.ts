import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExperimentProjects } from './experiment-projects.cjs';
import { expandPoints, parseExperiment } from '../../libs/manifest/src/experiment.cjs';
import { fixtureManifest as manifest } from './fixture-manifest';
import { createNodesV2 } from './lab-plugin.cjs';
import { copyPluginFiles, nxEnv } from './fixture-workspace';

/**
 * An experiment's projects in a temporary workspace that uses this plugin, run by the real Nx:
 * one cached bench task per point, a second run all cache hits, an edit to one implementation
 * re-running only its points. The workspace's `apps/lab/src/main.ts` is a recorder that writes
 * each task's output file and logs the command, so nothing is measured.
 */
const repo = resolve(__dirname, '../..');
let root: string;

const model = (variant: string, workers: number) => ({ variant, label: variant, workers, async: true });

/** A small valid definition: 2 stacks × 2 models, 2 workloads, 2 budgets (one needing 64 cores), 2 concurrency levels. */
const definition = () => ({
  id: 'tiny',
  title: 'Tiny',
  question: 'Which?',
  slo: { p99Ms: 100 },
  margin: 0.1,
  confidence: 0.95,
  budgets: [
    { cpus: 1, profile: 'quota-1', minCores: 1 },
    { cpus: 32, profile: 'quota-32', minCores: 64 },
  ],
  concurrency: [10, 50],
  workloads: [
    { scenario: '01-io', kind: 'io', sweep: { startRatePerSec: 10, stepRatePerSec: 10, maxSteps: 3 } },
    { scenario: '02-cpu', kind: 'cpu', sweep: { startRatePerSec: 5, stepRatePerSec: 5, maxSteps: 3 } },
  ],
  stacks: [
    { impl: 'py-a', models: [model('default', 1), model('workers-2', 2)] },
    { impl: 'node-b', models: [model('default', 1), model('cluster-2', 2)] },
  ],
  hypotheses: [{ id: 'H1', statement: 'same', workload: 'io', rule: 'single-async-matches-multi' }],
  rounds: [
    { id: 'R1', description: 'io', impls: ['py-a'], workloads: ['01-io'], budgets: [1], vus: [10, 50] },
    { id: 'all', description: 'everything at 10 VUs', impls: ['*'], workloads: ['01-io', '02-cpu'], budgets: [1, 32], vus: [10] },
    { id: 'cap', description: 'capacity', impls: ['node-b'], variants: ['cluster-2'], workloads: ['02-cpu'], budgets: [1], capacity: true },
  ],
});

const facts = { implementations: { 'py-a': ['workers-2'], 'node-b': ['cluster-2'] }, scenarios: ['01-io', '02-cpu'] };
const parse = (d: unknown) => parseExperiment(JSON.stringify(d), 'experiments/tiny/experiment.json', facts);

describe('parseExperiment', () => {
  it('accepts the definition and expands the union of its rounds once per point', () => {
    const parsed = parse(definition());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const points = expandPoints(parsed.definition);
    // R1: 2 models × 2 VUs; all: 4 models × 2 workloads × 2 budgets (1 shared with R1); cap: 1.
    expect(points).toHaveLength(4 + 16 - 2 + 1);
    expect(points.find((p) => p.id === 'py-a--default--01-io--cpu1--vus10')?.rounds).toEqual(['R1', 'all']);
    expect(points.find((p) => p.id === 'node-b--cluster-2--02-cpu--cpu1--capacity')).toMatchObject({
      load: { capacity: true },
      kind: 'cpu',
      profile: 'quota-1',
    });
  });

  it.each([
    ['an unknown variant', (d: any) => (d.stacks[0].models[1].variant = 'workers-9'), 'stacks.0.models.1.variant', /workers-2/],
    ['an unknown scenario', (d: any) => (d.workloads[0].scenario = '99-nope'), 'workloads.0.scenario', /scenarios\//],
    ['a round budget not among the budgets', (d: any) => (d.rounds[0].budgets = [3]), 'rounds.0.budgets.0', /1, 32/],
    ['a round with both vus and capacity', (d: any) => (d.rounds[2].vus = [10]), 'rounds.2.vus', /.+/],
    [
      "a stack's sweep for a scenario that is no workload",
      (d: any) => (d.stacks[1].sweeps = { '03-nope': { startRatePerSec: 1, stepRatePerSec: 1, maxSteps: 2 } }),
      'stacks.1.sweeps.03-nope',
      /01-io, 02-cpu/,
    ],
    ['a run length on a capacity round', (d: any) => (d.rounds[2].durationS = 30), 'rounds.2.durationS', /.+/],
    [
      'two rounds giving one point different run lengths',
      (d: any) => (d.rounds[1].durationS = 30),
      'rounds.1.durationS',
      /same "durationS", or take the point out/,
    ],
    ['a missing key', (d: any) => delete d.slo, 'slo', /add "slo"/],
    ['an unknown key', (d: any) => (d.extra = 1), 'extra', /remove it/],
  ])('reports %s with its path and a hint', (_what, spoil, path, hint) => {
    const d = definition();
    spoil(d);
    const parsed = parse(d);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problems.find((p) => p.path === path);
    expect(problem).toMatchObject({ file: 'experiments/tiny/experiment.json', hint: expect.stringMatching(hint) });
  });

  it('gives the closed-loop points of a round with a run length that length, and only them', () => {
    const d = definition();
    (d.rounds[0] as any).durationS = 30;
    // R1 shares its 10-VU point with `all`, which must then give the same run length.
    (d.rounds[1] as any).durationS = 30;
    const parsed = parse(d);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const points = expandPoints(parsed.definition);
    expect(points.find((p) => p.id === 'py-a--default--01-io--cpu1--vus50')?.load).toEqual({ vus: 50, durationS: 30 });
    expect(points.find((p) => p.id === 'node-b--cluster-2--02-cpu--cpu1--capacity')?.load).not.toHaveProperty('durationS');
    const bench = createExperimentProjects(parsed.definition, 'experiments/tiny', { cores: 2, cellTarget: (cell) => ({ command: cell.flags }) })[
      'experiments/tiny/points/py-a--default--01-io--cpu1--vus50'
    ]?.targets?.bench;
    expect(bench).toEqual({ command: '--profile quota-1 --vus 50 --duration 30s' });
  });

  it('checks each budget against its resource profile when the profiles are known', () => {
    const parsed = parseExperiment(JSON.stringify(definition()), 'x.json', { ...facts, profiles: [{ name: 'quota-1', minCores: 2 }] });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['budgets.0.minCores', 'budgets.1.profile']);
  });
});

describe('createExperimentProjects', () => {
  const parsed = parse(definition());
  const projects = parsed.ok
    ? createExperimentProjects(parsed.definition, 'experiments/tiny', { cores: 2, cellTarget: (cell) => ({ command: cell.flags }) })
    : {};

  it('makes one project per point, tagged by experiment and round, and bench targets over the tags', () => {
    const points = Object.values(projects).filter((p) => p.tags?.includes('type:point'));
    expect(points).toHaveLength(19);
    const own = projects['experiments/tiny']!;
    expect(own.name).toBe('tiny');
    expect(Object.keys(own.targets ?? {})).toEqual(['bench', 'bench-R1', 'bench-all', 'bench-cap', 'publish', 'report']);
    expect(own.targets?.['bench-R1']?.dependsOn).toEqual([
      {
        projects: [
          'tiny--py-a--default--01-io--cpu1--vus10',
          'tiny--py-a--default--01-io--cpu1--vus50',
          'tiny--py-a--workers-2--01-io--cpu1--vus10',
          'tiny--py-a--workers-2--01-io--cpu1--vus50',
        ],
        target: 'bench',
      },
    ]);
    // No point carries its rounds: Nx hashes a project's tags, and regrouping rounds must not re-measure.
    expect(points.every((p) => !p.tags?.some((t) => t.startsWith('round:')))).toBe(true);
  });

  it('gives each point its variant, profile and load as lab bench flags', () => {
    expect(projects['experiments/tiny/points/node-b--cluster-2--02-cpu--cpu1--capacity']?.targets?.bench).toEqual({
      command: '--variant cluster-2 --profile quota-1 --sweep 5:5:3:100',
    });
    expect(projects['experiments/tiny/points/py-a--default--01-io--cpu1--vus50']?.targets?.bench).toEqual({ command: '--profile quota-1 --vus 50' });
  });

  it("sweeps a stack's capacity points with the stack's own sweep for the workload when it has one", () => {
    const d = definition();
    (d.stacks[1] as any).sweeps = { '02-cpu': { startRatePerSec: 50, stepRatePerSec: 25, maxSteps: 8 } };
    const own = parse(d);
    if (!own.ok) throw new Error(JSON.stringify(own.problems));
    const point = expandPoints(own.definition).find((p) => p.id === 'node-b--cluster-2--02-cpu--cpu1--capacity');
    expect(point?.load).toEqual({ capacity: true, sweep: { startRatePerSec: 50, stepRatePerSec: 25, maxSteps: 8 } });
    const bench = createExperimentProjects(own.definition, 'experiments/tiny', { cores: 2, cellTarget: (cell) => ({ command: cell.flags }) })[
      'experiments/tiny/points/node-b--cluster-2--02-cpu--cpu1--capacity'
    ]?.targets?.bench;
    expect(bench).toEqual({ command: '--variant cluster-2 --profile quota-1 --sweep 50:25:8:100' });
  });

  it("measures capacity points with the experiment's sweep driver when it names one, and only them", () => {
    const d = definition();
    (d as any).sweepDriver = 'loadgen';
    const own = parse(d);
    if (!own.ok) throw new Error(JSON.stringify(own.problems));
    const made = createExperimentProjects(own.definition, 'experiments/tiny', { cores: 2, cellTarget: (cell) => ({ command: cell.flags }) });
    expect(made['experiments/tiny/points/node-b--cluster-2--02-cpu--cpu1--capacity']?.targets?.bench).toEqual({
      command: '--variant cluster-2 --profile quota-1 --sweep 5:5:3:100 --driver loadgen',
    });
    expect(made['experiments/tiny/points/py-a--default--01-io--cpu1--vus50']?.targets?.bench).toEqual({ command: '--profile quota-1 --vus 50' });
    (d as any).sweepDriver = 'wrk';
    expect(parse(d).ok).toBe(false);
  });

  it("measures a workload's capacity points with the workload's own sweep driver, which replaces the experiment's", () => {
    const d = definition();
    (d.workloads[0] as any).sweepDriver = 'loadgen';
    d.rounds[2]!.workloads = ['01-io', '02-cpu'];
    const commands = () => {
      const own = parse(d);
      if (!own.ok) throw new Error(JSON.stringify(own.problems));
      const made = createExperimentProjects(own.definition, 'experiments/tiny', { cores: 2, cellTarget: (cell) => ({ command: cell.flags }) });
      return ['01-io', '02-cpu'].map((w) => (made[`experiments/tiny/points/node-b--cluster-2--${w}--cpu1--capacity`]?.targets?.bench as any)?.command);
    };
    expect(commands()).toEqual([
      '--variant cluster-2 --profile quota-1 --sweep 10:10:3:100 --driver loadgen',
      '--variant cluster-2 --profile quota-1 --sweep 5:5:3:100',
    ]);
    (d as any).sweepDriver = 'loadgen';
    (d.workloads[1] as any).sweepDriver = 'native';
    expect(commands()).toEqual([
      '--variant cluster-2 --profile quota-1 --sweep 10:10:3:100 --driver loadgen',
      '--variant cluster-2 --profile quota-1 --sweep 5:5:3:100 --driver native',
    ]);
    (d.workloads[0] as any).sweepDriver = 'wrk';
    expect(parse(d).ok).toBe(false);
  });

  it('skips, with a message and no cache, a point whose budget needs more cores than the host has', () => {
    const bench = projects['experiments/tiny/points/py-a--default--01-io--cpu32--vus10']?.targets?.bench;
    expect(bench).toMatchObject({ cache: false, metadata: { description: expect.stringMatching(/needs 64 cores and this host has 2/) } });
  });
});

describe('createNodesV2 with an experiment', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lab-experiment-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails a bad definition with its file, field and hint, and still returns the other projects', async () => {
    const d = definition() as any;
    d.stacks[1].impl = 'ruby-c';
    writeWorkspaceFiles(d);
    const files = [
      'implementations/py-a/lab.json',
      'implementations/node-b/lab.json',
      'scenarios/01-io/scenario.ts',
      'scenarios/02-cpu/scenario.ts',
      'experiments/tiny/experiment.json',
    ];
    const run = async () => createNodesV2[1](files, undefined, { workspaceRoot: root, nxJsonConfiguration: {} });
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as { errors: Array<[string, Error]>; partialResults: Array<[string, unknown]> },
    );
    expect(error?.errors.map(([file]) => file)).toEqual(['experiments/tiny/experiment.json']);
    expect(error?.errors[0]?.[1].message).toMatch(/stacks\.1\.impl: no implementation "ruby-c"\n\s+hint: /);
    expect(error?.partialResults).toHaveLength(4);
  });
});

function write(file: string, text: string) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}

function writeWorkspaceFiles(d: object) {
  write('implementations/py-a/lab.json', JSON.stringify(manifest('python', ['workers-2'])));
  write('implementations/node-b/lab.json', JSON.stringify(manifest('typescript', ['cluster-2'])));
  for (const id of ['py-a', 'node-b']) write(`implementations/${id}/main.src`, 'v1\n');
  for (const id of ['01-io', '02-cpu']) write(`scenarios/${id}/scenario.ts`, 'export default {};\n');
  write('experiments/tiny/experiment.json', JSON.stringify(d));
}

describe('nx run <experiment>:bench (real Nx, temporary workspace)', () => {
  let ws: string;
  const log = () => (existsSync(join(ws, 'bench-log.txt')) ? readFileSync(join(ws, 'bench-log.txt'), 'utf8').trim().split('\n') : []);
  const nx = (...args: string[]) => {
    return execFileSync(join(repo, 'node_modules/.bin/nx'), args, { cwd: ws, encoding: 'utf8', env: nxEnv(ws) });
  };
  /** Point ids whose bench ran (not replayed from the cache) since the log was last cleared. */
  const measured = () =>
    log()
      .filter((line) => line.startsWith('bench '))
      .map((line) => line.split(' ')[1]!)
      .sort();

  beforeAll(() => {
    ws = root = mkdtempSync(join(tmpdir(), 'lab-experiment-run-'));
    symlinkSync(join(repo, 'node_modules'), join(ws, 'node_modules'));
    write('package.json', JSON.stringify({ name: 'experiment-fixture', private: true }));
    write('nx.json', JSON.stringify({ neverConnectToCloud: true, analytics: false, useDaemonProcess: false, plugins: ['./tools/nx-plugin/lab-plugin.cjs'] }));
    copyPluginFiles(ws);
    // The recorder standing in for the lab CLI: writes the task's --out file and logs `bench <out basename>`.
    write(
      'apps/lab/src/main.ts',
      [
        "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';",
        "import { basename, dirname } from 'node:path';",
        'const argv = process.argv.slice(2);',
        "const out = argv[argv.indexOf('--out') + 1]!;",
        'mkdirSync(dirname(out), { recursive: true });',
        'writeFileSync(out, JSON.stringify(argv));',
        "appendFileSync('bench-log.txt', `${argv[0]} ${basename(out, '.json')}\\n`);",
      ].join('\n'),
    );
    writeWorkspaceFiles(definition());
  });

  it('runs one task per point, then replays all of them from the cache, then re-measures only the edited implementation', () => {
    nx('run', 'tiny:bench', '--outputStyle=static');
    const first = measured();
    // 19 points, of which the 8 at 32 CPUs are skipped on this host (the recorder never sees them).
    expect(first).toHaveLength(11);
    expect(new Set(first).size).toBe(11);
    expect(first.every((id) => !id.includes('cpu32'))).toBe(true);

    rmSync(join(ws, 'bench-log.txt'));
    nx('run', 'tiny:bench', '--outputStyle=static');
    expect(measured()).toEqual([]);

    rmSync(join(ws, 'bench-log.txt'), { force: true });
    write('implementations/node-b/main.src', 'v2\n');
    nx('run', 'tiny:bench', '--outputStyle=static');
    expect(measured()).toEqual(first.filter((id) => id.startsWith('node-b--')));
    expect(measured().length).toBeGreaterThan(0);
  });

  it('measures nothing again when the rounds are regrouped around the same points, and runs a new round from the cache', () => {
    nx('run', 'tiny:bench', '--outputStyle=static');
    rmSync(join(ws, 'bench-log.txt'), { force: true });
    const d = definition();
    d.rounds.push({ id: 'again', description: 'R1 once more', impls: ['py-a'], workloads: ['01-io'], budgets: [1], vus: [10, 50] });
    d.rounds[0]!.id = 'R1-renamed';
    write('experiments/tiny/experiment.json', JSON.stringify(d));
    nx('run', 'tiny:bench-again', '--outputStyle=static');
    nx('run', 'tiny:bench', '--outputStyle=static');
    expect(measured()).toEqual([]);
  });
});
