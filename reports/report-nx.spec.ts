/**
 * `nx run-many -t report` on committed result files, as a user runs it: a temporary copy of
 * the workspace (no implementations, so no bench cell needs measuring) whose results/published/
 * holds the report fixtures. The report targets write the markdown and the dashboard; a second
 * run with the same results is a cache hit.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = join(ROOT, 'libs/report/fixtures');
let workspace: string;
/** The fixture result put in results/raw instead of results/published. */
const RAW_ONLY = 'python-fastapi-strict--15-with-cache.json';

/** What the copy needs: Nx configuration, the libraries, the lab CLI (`lab report`), the tools, the dashboard, the fixture scenarios. */
const COPIED = [
  'nx.json',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'libs',
  'tools',
  'apps/lab',
  'apps/dashboard',
  // The experiment's code, which the dashboard build imports, but not its definition: no
  // experiment projects, no experiment page.
  'experiments/server-config/src',
  'reports',
];

function nx(args: string[]): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_ISOLATE_PLUGINS: 'false',
    NX_TUI: 'false',
    // A cache of its own (both directories, see notes on Nx 23), so the machine's cache is untouched.
    NX_CACHE_DIRECTORY: join(workspace, '.nx/cache'),
    NX_WORKSPACE_DATA_DIRECTORY: join(workspace, '.nx/workspace-data'),
  };
  for (const key of Object.keys(env)) if (key.startsWith('NX_TASK') || key === 'NX_WORKSPACE_ROOT') delete env[key];
  return new Promise((resolve) => {
    execFile(join(workspace, 'node_modules/.bin/nx'), args, { cwd: workspace, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'lab-report-nx-'));
  for (const entry of COPIED) {
    await cp(join(ROOT, entry), join(workspace, entry), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|dist|tmp)([/\\]|$)/.test(src.slice(ROOT.length)),
    });
  }
  await symlink(join(ROOT, 'node_modules'), join(workspace, 'node_modules'), 'dir');
  const scenarioIds = (JSON.parse(await readFile(join(FIXTURES, 'scenarios.json'), 'utf8')) as { id: string }[]).map((s) => s.id);
  for (const id of scenarioIds) await cp(join(ROOT, 'scenarios', id), join(workspace, 'scenarios', id), { recursive: true });
  await mkdir(join(workspace, 'results/published'), { recursive: true });
  for (const file of await readdir(join(FIXTURES, 'results'))) {
    // One cell measured on this machine but not published: only the reports under dist/ show it.
    const to = file === RAW_ONLY ? join(workspace, 'results/raw/python-fastapi-strict/15-with-cache.json') : join(workspace, 'results/published', file);
    await mkdir(dirname(to), { recursive: true });
    await cp(join(FIXTURES, 'results', file), to);
  }
}, 120_000);

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

describe('nx run-many -t report (committed fixture results)', () => {
  it('never measures: reports:report depends on no bench task', async () => {
    const run = await nx(['show', 'project', 'reports', '--json']);
    expect(run.code, run.output).toBe(0);
    const project = JSON.parse(run.output.slice(run.output.indexOf('{'))) as { targets: Record<string, { dependsOn?: { target?: string }[] }> };
    expect((project.targets.report?.dependsOn ?? []).map((d) => d.target)).not.toContain('bench');
  }, 300_000);

  it('writes docs/benchmark-results.md and the dashboard from results/published', async () => {
    const run = await nx(['run-many', '-t', 'report', '--outputStyle=static']);
    expect(run.code, run.output).toBe(0);
    const markdown = await readFile(join(workspace, 'docs/benchmark-results.md'), 'utf8');
    const fixture = JSON.parse(await readFile(join(FIXTURES, 'results/typescript-node-http--01-lightweight.json'), 'utf8'));
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    expect(markdown).toContain(`${int(fixture.stats.estimate)} [${int(fixture.stats.ci.low)}–${int(fixture.stats.ci.high)}]`);
    expect(markdown).toContain('(generator-bound)');
    const dashboard = await readFile(join(workspace, 'apps/dashboard/dist/index.html'), 'utf8');
    expect(dashboard).toContain('typescript-node-http');
    // This copy has no experiments/ folder: no experiment page, and no link to one.
    expect(dashboard).not.toContain('link-server-config');
    expect(await readFile(join(workspace, 'dist/reports/scenario-09-db-pagination.md'), 'utf8')).toContain('09-db-pagination');
    // The committed report reads results/published only; a scenario's report adds this machine's results/raw.
    const published = (await readdir(join(FIXTURES, 'results'))).length - 1;
    expect(markdown).toContain(`Generated from ${published} result files`);
    expect(await readFile(join(workspace, 'dist/reports/scenario-15-with-cache.md'), 'utf8')).toContain('python-fastapi-strict');
  }, 300_000);

  it('is a cache hit when the results did not change', async () => {
    const run = await nx(['run-many', '-t', 'report', '--outputStyle=static']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Nx read the output from the cache instead of running the command for (\d+) out of \1 tasks/);
  }, 300_000);
});
