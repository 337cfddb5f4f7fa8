import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostFacts } from '@lab/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostClassSlug } from '../../libs/report/src/host-class-pages';
import { copyPluginFiles, nxEnv } from './fixture-workspace';

/** This host's folder under results/published. */
const hostFolder = `results/published/${hostClassSlug(hostFacts().cpuModel, hostFacts().cores)}`;

/**
 * A fresh clone's CI: the Nx cache is empty, and a cell's committed result (results/published)
 * was recorded under the very task hash Nx computes for the cell's pair task on this host. Then
 * `nx run <pair>:bench` replays that file instead of measuring. Runs the real pair task of this
 * plugin and the real lab CLI in a temporary workspace whose implementation cannot start (start
 * command `false`), so nothing is ever measured: a first run finds no committed result and fails
 * (printing the task hash it looked for), a result is then "committed" under that hash, and the
 * second run replays it.
 */
const repo = resolve(__dirname, '../..');
const pair = 'bench-node-fake--01-health';
let root: string;

const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};

/** Without colour codes (this test may run inside an Nx task, which forces colour). */
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** `nx run <pair>:bench` in the temporary workspace: exit code and everything printed. */
function runPair(): { code: number; output: string } {
  try {
    const output = execFileSync(join(repo, 'node_modules/.bin/nx'), ['run', `${pair}:bench`, '--outputStyle=static'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...nxEnv(root, { dropLab: true }), LAB_PROFILE: 'none', LAB_BENCH_LOCK: join(root, 'bench.lock') },
    });
    return { code: 0, output: plain(output) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: plain(`${e.stdout}${e.stderr}`) };
  }
}

/** `lab publish --dry-run --json` in the temporary workspace (standard preset, profile none, as the pair task above). */
function publishDryRun(): Array<{ cell: string; action: string; nxTaskHash: string; file: string }> {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'apps/lab/src/main.ts', 'publish', '--preset', 'standard', '--profile', 'none', '--dry-run', '--json'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: nxEnv(root, { dropLab: true }) },
  );
  return JSON.parse(stdout);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lab-replay-'));
  for (const dir of ['node_modules', 'libs']) symlinkSync(join(repo, dir), join(root, dir));
  // A copy, not a link: the CLI runs only when started from its own path, and works on the workspace it lives in.
  cpSync(join(repo, 'apps/lab/src'), join(root, 'apps/lab/src'), { recursive: true });
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) copyFileSync(join(repo, file), join(root, file));
  write('package.json', JSON.stringify({ name: 'replay-fixture', private: true, type: 'module' }));
  write('nx.json', JSON.stringify({ neverConnectToCloud: true, analytics: false, useDaemonProcess: false, plugins: ['./tools/nx-plugin/lab-plugin.cjs'] }));
  write('.gitignore', 'node_modules\n.nx\ndist\nresults/raw\n');
  // libs is linked whole, its CommonJS schemas with it.
  copyPluginFiles(root, { manifestLib: false });
  write(
    'implementations/node-fake/lab.json',
    JSON.stringify({
      language: 'javascript',
      languageVersion: '1',
      framework: 'none',
      frameworkVersion: '1',
      server: 'none',
      orm: 'none',
      serializer: 'JSON.stringify',
      description: 'a server that never starts',
      build: { command: 'true' },
      start: { command: 'false' },
      test: { command: 'true' },
      readiness: { path: '/health', timeoutMs: 2000 },
      pool: { env: 'DB_POOL_SIZE', default: 10 },
      workers: { env: 'WORKERS', default: 1 },
      concurrency: { model: 'event-loop' },
      toolchain: { versionCommand: 'node --version' },
    }),
  );
  write(
    'scenarios/01-health/scenario.ts',
    `import { defineScenario } from '@lab/engine';
export default defineScenario({
  id: '01-health', title: 'health', category: 'basic', description: 'GET /health', endpoints: ['health'],
  load: { kind: 'closed', vus: 2, durationMs: 1000 },
  async iteration({ http, check }) { check('status is 200', (await http.get('/health', { endpoint: 'health' })).status === 200); },
});
`,
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nx run <pair>:bench on a fresh clone with a committed result', () => {
  let taskHash = '';

  it('without one: validates the scenario first, then finds no result under its task hash and measures', () => {
    const { code, output } = runPair();
    expect(output).toContain('nx run scenario-01-health:build');
    const looked = /no committed result \(results\/published\) under this Nx task hash \(([^)]+)\)/.exec(output);
    expect(looked, output).not.toBeNull();
    taskHash = looked![1]!;
    expect(code).not.toBe(0); // the server cannot start
  }, 120_000);

  it('lab publish --dry-run computes the same task hash and would measure the cell', () => {
    const planned = publishDryRun();
    expect(planned).toEqual([
      { cell: 'node-fake × 01-health @ none', action: 'measure', nxTaskHash: taskHash, file: `${hostFolder}/node-fake/01-health--none.json` },
    ]);
  }, 120_000);

  it('with one recorded under that hash on this host class: replays it unchanged and measures nothing', () => {
    const result = JSON.parse(readFileSync(join(repo, 'libs/report/fixtures/results/typescript-node-http--01-lightweight.json'), 'utf8'));
    result.cell = { ...result.cell, implementation: 'node-fake', variant: 'default', scenario: '01-health', profile: 'none' };
    result.provenance.nxTaskHash = taskHash;
    const { cpuModel, cores } = hostFacts();
    result.provenance.hostFingerprint = { ...result.provenance.hostFingerprint, cpuModel, cores };
    const committed = `${JSON.stringify(result, null, 2)}\n`;
    write(`${hostFolder}/node-fake/01-health.json`, committed);

    const { code, output } = runPair();
    expect(code, output).toBe(0);
    expect(output).toContain(`replaying ${hostFolder}/node-fake/01-health.json`);
    expect(output).toContain(`(${taskHash})`);
    expect(readFileSync(join(root, 'results/raw/node-fake/01-health.json'), 'utf8')).toBe(committed);
  }, 120_000);

  it('lab publish --dry-run skips the cell published under that hash', () => {
    expect(publishDryRun().map((c) => c.action)).toEqual(['skip']);
  }, 120_000);

  it('keeps that hash when the scenario gains a hypotheses.json: a new hypothesis re-judges, never re-measures', () => {
    const file = 'scenarios/01-health/hypotheses.json';
    write(file, JSON.stringify({ hypotheses: [{ id: 'x', statement: 's', metric: 'p50', compare: { a: 'a', b: 'b' } }] }));
    try {
      expect(publishDryRun().map((c) => [c.action, c.nxTaskHash])).toEqual([['skip', taskHash]]);
    } finally {
      rmSync(join(root, file));
    }
  }, 120_000);

  it('is an ordinary Nx cache hit afterwards', () => {
    const { code, output } = runPair();
    expect(code, output).toBe(0);
    expect(output).toMatch(/existing outputs match the cache|local cache/);
  }, 120_000);
});
