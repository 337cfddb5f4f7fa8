import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `nx affected -t bench --files=…` on this repository's own project graph: the libraries, apps
 * and tools with their real inputs, every implementation and every scenario. Nothing runs:
 * `--graph=stdout` prints the task graph. (bench-affected.spec.ts checks the same rules on a
 * small git workspace.)
 */
const workspaceRoot = resolve(__dirname, '../..');

function nx(...args: string[]): string {
  // A clean Nx environment: this test may itself run inside an Nx task.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_')));
  return execFileSync(join(workspaceRoot, 'node_modules/.bin/nx'), args, {
    cwd: workspaceRoot,
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_ISOLATE_PLUGINS: 'false', NX_TUI: 'false' },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
}

/** The `bench` tasks `nx affected -t bench` selects when only `file` changed. */
function affectedBenchTasks(file: string): string[] {
  const out = nx('affected', '-t', 'bench', `--files=${file}`, '--graph=stdout');
  const graph = JSON.parse(out.slice(out.indexOf('{'))) as { tasks: { tasks: Record<string, unknown> } };
  return Object.keys(graph.tasks.tasks)
    .filter((id) => id.endsWith(':bench'))
    .sort();
}

const projectsTagged = (tag: string): string[] => (JSON.parse(nx('show', 'projects', '--projects', `tag:${tag}`, '--json')) as string[]).sort();
const benchTasksOf = (projects: readonly string[]) => projects.map((p) => `${p}:bench`);

/** Folders holding the given file, e.g. every `scenarios/<id>` with a `scenario.ts`. */
const foldersWith = (dir: string, file: string) =>
  readdirSync(join(workspaceRoot, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(workspaceRoot, dir, d.name, file)))
    .map((d) => d.name)
    .sort();

const scenarios = foldersWith('scenarios', 'scenario.ts');
const impls = projectsTagged('type:impl');
/** The scenario and the implementation to edit: the ones the docs use, else the first present. */
const scenario = scenarios.includes('03-db-read') ? '03-db-read' : scenarios[0]!;
const impl = impls.includes('typescript-node-http') ? 'typescript-node-http' : impls[0]!;

describe('nx affected -t bench (this workspace)', () => {
  it('has implementations and scenarios to check', () => {
    expect(impls.length).toBeGreaterThan(0);
    expect(scenarios.length).toBeGreaterThan(1);
  });

  it(`selects only the cells of an edited scenario (${scenario}) and its own bench`, () => {
    const cells = projectsTagged(`scenario:${scenario}`);
    expect(cells).toHaveLength(impls.length);
    expect(affectedBenchTasks(`scenarios/${scenario}/scenario.ts`)).toEqual([...benchTasksOf(cells), `scenario-${scenario}:bench`].sort());
  });

  it(`selects only the cells of an edited implementation (${impl}) and its own bench`, () => {
    const cells = projectsTagged(`impl:${impl}`);
    expect(cells).toHaveLength(scenarios.length);
    expect(affectedBenchTasks(`implementations/${impl}/lab.json`)).toEqual([...benchTasksOf(cells), `${impl}:bench`].sort());
  });

  it('selects only the experiment points of an edited implementation, beside its cells', () => {
    const points = projectsTagged('type:point');
    const stack = points.map((p) => p.split('--')[1]!).find((id) => impls.includes(id));
    if (!stack) return expect(points).toEqual([]);
    const own = projectsTagged(`point-impl:${stack}`);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(points.length);
    expect(affectedBenchTasks(`implementations/${stack}/lab.json`)).toEqual(
      [...benchTasksOf(projectsTagged(`impl:${stack}`)), ...benchTasksOf(own), `${stack}:bench`].sort(),
    );
  });

  it('selects every cell when a measuring library changes', () => {
    const cells = projectsTagged('type:pair');
    expect(cells).toHaveLength(impls.length * scenarios.length);
    expect(affectedBenchTasks('libs/runner/src/run-cell.ts')).toEqual(expect.arrayContaining(benchTasksOf(cells)));
  });
});
