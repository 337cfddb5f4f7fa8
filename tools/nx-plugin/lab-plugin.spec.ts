import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodesV2 } from './lab-plugin.cjs';

const manifest = (language: string, extra: object = {}) => ({
  language,
  languageVersion: `${language} 1`,
  framework: 'fw',
  frameworkVersion: '1',
  server: 'srv',
  orm: 'orm',
  serializer: 'JSON.stringify',
  description: `A ${language} implementation`,
  build: { command: 'make build' },
  start: { command: 'bin/server' },
  test: { command: 'make test' },
  pool: { env: 'DB_POOL_SIZE', default: 10 },
  workers: { env: 'WORKERS', default: 1 },
  concurrency: { model: 'event-loop' },
  toolchain: { versionCommand: `${language} --version` },
  ...extra,
});

describe('createNodesV2', () => {
  let workspaceRoot: string;
  const write = (file: string, text: string) => {
    mkdirSync(join(workspaceRoot, file, '..'), { recursive: true });
    writeFileSync(join(workspaceRoot, file), text);
  };
  const run = async (files: string[]) => createNodesV2[1](files, undefined, { workspaceRoot, nxJsonConfiguration: {} });
  type Failure = { name: string; errors: Array<[string, Error]>; partialResults: Array<[string, unknown]> };
  const failure = (files: string[]) =>
    run(files).then(
      () => undefined,
      (e: unknown) => e as Failure,
    );

  beforeEach(() => {
    workspaceRoot = mkdtempSync(join(tmpdir(), 'lab-plugin-'));
  });
  afterEach(() => rmSync(workspaceRoot, { recursive: true, force: true }));

  it('uses one glob for manifests, scenarios and experiments', () => {
    expect(createNodesV2[0]).toBe('{implementations/*/lab.json,scenarios/*/scenario.ts,experiments/*/experiment.json}');
  });

  it('infers implementation and scenario projects', async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go')));
    write('implementations/python-fastapi/lab.json', JSON.stringify(manifest('python', { build: { command: 'pip install' } })));
    write('scenarios/01-hello/scenario.ts', '');
    write('scenarios/02-json/scenario.ts', '');
    const files = [
      'scenarios/02-json/scenario.ts',
      'implementations/python-fastapi/lab.json',
      'implementations/go-chi/lab.json',
      'scenarios/01-hello/scenario.ts',
    ];
    expect(await run(files)).toMatchSnapshot();
  });

  it('names, tags and targets the projects', async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go')));
    write('scenarios/01-hello/scenario.ts', '');
    const results = await run(['implementations/go-chi/lab.json', 'scenarios/01-hello/scenario.ts']);
    const projects = Object.assign({}, ...results.map(([, r]) => r.projects));
    const impl = projects['implementations/go-chi'];
    expect(impl).toMatchObject({ name: 'go-chi', tags: ['type:impl', 'lang:go'] });
    expect(Object.keys(impl.targets)).toEqual(['build', 'up', 'test', 'verify', 'bench', 'report']);
    expect(impl.targets.bench).toMatchObject({ executor: 'nx:noop', dependsOn: [{ projects: ['tag:impl:go-chi'], target: 'bench' }] });
    expect(impl.targets.build).toMatchObject({ cache: true, options: { cwd: 'implementations/go-chi', command: 'make build' } });
    expect(impl.targets.build.inputs).toContainEqual({ runtime: 'go --version' });
    expect(impl.targets.build.inputs).toContainEqual({ externalDependencies: [] });
    expect(impl.targets.up).toMatchObject({ continuous: true });
    expect(impl.targets.test).toMatchObject({ cache: true, dependsOn: ['build'] });
    for (const target of Object.values(impl.targets) as Array<{ metadata?: { description?: string } }>) {
      expect(target.metadata?.description).toBeTruthy();
    }
    const scenario = projects['scenarios/01-hello'];
    expect(scenario).toMatchObject({ name: 'scenario-01-hello', tags: ['type:scenario'], implicitDependencies: ['!tag:type:lib'] });
    expect(Object.keys(scenario.targets)).toEqual(['build', 'up', 'bench', 'report']);
    expect(scenario.targets.bench).toMatchObject({ dependsOn: [{ projects: ['tag:scenario:01-hello'], target: 'bench' }] });
    expect(scenario.targets.build).toMatchObject({
      cache: true,
      options: { command: 'node --import tsx apps/lab/src/main.ts scenario build 01-hello --out dist/scenarios/01-hello/plan.json' },
      outputs: ['{workspaceRoot}/dist/scenarios/01-hello/plan.json'],
    });
    expect(scenario.targets.up).toMatchObject({
      continuous: true,
      cache: false,
      options: { command: 'env -u NX_TASK_TARGET_PROJECT node --import tsx apps/lab/src/main.ts up {args.impl}', impl: 'typescript-node-http' },
    });
    for (const target of Object.values(scenario.targets) as Array<{ metadata?: { description?: string } }>) {
      expect(target.metadata?.description).toBeTruthy();
    }
  });

  it("names in a scenario build's inputs only what every cell of it hashes too, besides its folder and the lab CLI", async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go')));
    write('scenarios/01-hello/scenario.ts', '');
    const projects = Object.assign({}, ...(await run(['implementations/go-chi/lab.json', 'scenarios/01-hello/scenario.ts'])).map(([, r]) => r.projects));
    const pairInputs: unknown[] = projects['bench/go-chi/01-hello'].targets.bench.inputs;
    const outside = (projects['scenarios/01-hello'].targets.build.inputs as unknown[]).filter(
      (input) => typeof input === 'string' && input.startsWith('{workspaceRoot}/') && !pairInputs.includes(input),
    );
    // apps/lab/src already touches every implementation project (their conformance inputs), so it selects every cell anyway.
    expect(outside).toEqual(['{workspaceRoot}/apps/lab/src/**/*']);
    expect(projects['implementations/go-chi'].targets.test.inputs).toContain('{workspaceRoot}/apps/lab/src/**/*');
  });

  it('infers one bench pair project per implementation × scenario, hashing only its own cell', async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go', { build: { command: 'go build', outputs: ['bin'] } })));
    write('implementations/node-http/lab.json', JSON.stringify(manifest('typescript')));
    write('scenarios/01-hello/scenario.ts', '');
    write('scenarios/02-json/scenario.ts', '');
    const files = ['implementations/go-chi/lab.json', 'implementations/node-http/lab.json', 'scenarios/01-hello/scenario.ts', 'scenarios/02-json/scenario.ts'];
    const projects: Record<string, { name?: string }> = Object.assign({}, ...(await run(files)).map(([, r]) => r.projects));
    const pairs = Object.entries(projects).filter(([root]) => root.startsWith('bench/'));
    expect(pairs.map(([root, p]) => [root, p.name])).toEqual([
      ['bench/go-chi/01-hello', 'bench-go-chi--01-hello'],
      ['bench/go-chi/02-json', 'bench-go-chi--02-json'],
      ['bench/node-http/01-hello', 'bench-node-http--01-hello'],
      ['bench/node-http/02-json', 'bench-node-http--02-json'],
    ]);
    const pair = projects['bench/go-chi/02-json'] as { targets: Record<string, { inputs: unknown[] }> };
    expect(pair).toMatchObject({ tags: ['type:pair', 'impl:go-chi', 'scenario:02-json'], implicitDependencies: ['go-chi', 'scenario-02-json'] });
    expect(pair.targets.bench).toMatchObject({
      cache: true,
      parallelism: false,
      dependsOn: [
        { projects: ['scenario-02-json'], target: 'build' },
        { projects: ['go-chi'], target: 'build' },
      ],
      outputs: ['{workspaceRoot}/results/raw/go-chi/02-json.json'],
      options: { command: 'node --import tsx apps/lab/src/main.ts bench --impl go-chi --scenario 02-json --out results/raw/go-chi/02-json.json --nx' },
    });
    expect(pair.targets.bench!.inputs).toEqual([
      '{workspaceRoot}/implementations/go-chi/**/*',
      '!{workspaceRoot}/implementations/go-chi/bin/**/*',
      '{workspaceRoot}/scenarios/02-json/**/*',
      '!{workspaceRoot}/scenarios/02-json/hypotheses.json',
      '{workspaceRoot}/libs/engine/src/**/*',
      '{workspaceRoot}/libs/runner/src/**/*',
      '{workspaceRoot}/libs/infra/src/**/*',
      '{workspaceRoot}/libs/isolation/src/**/*',
      '{workspaceRoot}/libs/results/src/**/*',
      '{workspaceRoot}/libs/stats/src/**/*',
      '{workspaceRoot}/libs/conformance/src/**/*',
      '{workspaceRoot}/libs/contract/src/**/*',
      '{workspaceRoot}/libs/contract/sql/**/*',
      '{workspaceRoot}/tools/loadgen/**/*.go',
      '{workspaceRoot}/tools/loadgen/go.mod',
      '{workspaceRoot}/tools/loadgen/go.sum',
      '!{workspaceRoot}/tools/loadgen/**/*_test.go',
      '!{workspaceRoot}/libs/*/src/**/*.spec.ts',
      { runtime: 'node tools/bench/fingerprint.mjs' },
      { env: 'LAB_PROFILE' },
      { env: 'LAB_PRESET' },
      { externalDependencies: [] },
    ]);
  });

  it('keeps implementation and scenario projects unchanged when a scenario is added', async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go')));
    write('scenarios/01-hello/scenario.ts', '');
    const before = Object.assign({}, ...(await run(['implementations/go-chi/lab.json', 'scenarios/01-hello/scenario.ts'])).map(([, r]) => r.projects));
    write('scenarios/02-json/scenario.ts', '');
    const files = ['implementations/go-chi/lab.json', 'scenarios/01-hello/scenario.ts', 'scenarios/02-json/scenario.ts'];
    const after = Object.assign({}, ...(await run(files)).map(([, r]) => r.projects));
    for (const root of ['implementations/go-chi', 'scenarios/01-hello', 'bench/go-chi/01-hello']) expect(after[root]).toEqual(before[root]);
  });

  it('fails an invalid manifest with every problem path, and still returns the valid projects', async () => {
    write('implementations/go-chi/lab.json', JSON.stringify(manifest('go')));
    write('implementations/ruby-rails/lab.json', JSON.stringify({ ...manifest('ruby'), language: 'cobol', build: { command: '' }, port: 3000 }));
    const error = await failure(['implementations/go-chi/lab.json', 'implementations/ruby-rails/lab.json']);
    expect(error?.name).toBe('AggregateCreateNodesError');
    expect(error?.errors.map(([file]) => file)).toEqual(['implementations/ruby-rails/lab.json']);
    const message = error?.errors[0]?.[1].message ?? '';
    for (const path of ['language:', 'build.command:', 'port:']) expect(message).toContain(path);
    expect(error?.errors[0]?.[1].stack).toBe(message);
    expect(error?.partialResults.map(([file]) => file)).toEqual(['implementations/go-chi/lab.json']);
  });

  it('rejects badly named folders', async () => {
    write('implementations/Go_Chi/lab.json', JSON.stringify(manifest('go')));
    write('scenarios/hello/scenario.ts', '');
    const error = await failure(['implementations/Go_Chi/lab.json', 'scenarios/hello/scenario.ts']);
    expect(error?.errors.map(([file, e]) => [file, e.message.includes('(folder)')])).toEqual([
      ['implementations/Go_Chi/lab.json', true],
      ['scenarios/hello/scenario.ts', true],
    ]);
  });
});

describe('the real workspace', () => {
  const workspaceRoot = resolve(__dirname, '../..');
  const nx = (...args: string[]) => {
    // A clean Nx environment: this test may itself run inside an Nx task.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_')));
    return execFileSync(join(workspaceRoot, 'node_modules/.bin/nx'), args, {
      cwd: workspaceRoot,
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_ISOLATE_PLUGINS: 'false', NX_TUI: 'false' },
      encoding: 'utf8',
    });
  };

  it('gives every scenario project build, up, bench and report', () => {
    const scenarios = readdirSync(join(workspaceRoot, 'scenarios')).filter((id) => existsSync(join(workspaceRoot, 'scenarios', id, 'scenario.ts')));
    expect(scenarios.length).toBeGreaterThan(0);
    const scratch = mkdtempSync(join(tmpdir(), 'lab-graph-'));
    try {
      nx('graph', `--file=${join(scratch, 'graph.json')}`);
      const { graph } = JSON.parse(readFileSync(join(scratch, 'graph.json'), 'utf8')) as { graph: { nodes: Record<string, { data: { targets?: object } }> } };
      for (const id of scenarios) expect(Object.keys(graph.nodes[`scenario-${id}`]?.data.targets ?? {}).sort(), id).toEqual(['bench', 'build', 'report', 'up']);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const one = scenarios.includes('03-db-read') ? '03-db-read' : scenarios[0]!;
    const project = JSON.parse(nx('show', 'project', `scenario-${one}`, '--json')) as { targets: Record<string, unknown> };
    expect(Object.keys(project.targets).sort()).toEqual(['bench', 'build', 'report', 'up']);
  });

  it('lists the libraries, the CLI and the implementations', () => {
    const projects: string[] = JSON.parse(nx('show', 'projects', '--json'));
    expect(projects).toEqual(expect.arrayContaining(['manifest', 'stats', 'lab', 'nx-plugin']));
    if (existsSync(join(workspaceRoot, 'implementations/typescript-node-http/lab.json'))) {
      expect(projects).toContain('typescript-node-http');
    }
  });
});
