import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifest as manifest } from './fixture-manifest';
import { copyPluginFiles, nxEnv } from './fixture-workspace';

/**
 * `nx affected -t bench` in a temporary git workspace that uses this plugin: editing one
 * scenario (or one implementation) selects exactly its cells. Nothing runs: `--graph=stdout`
 * prints the task graph. Like the real workspace, the scenarios import an `engine` library whose
 * tests read every scenario file (a `{workspaceRoot}/scenarios/**` input), so the engine is
 * touched by any scenario edit.
 */
const repo = resolve(__dirname, '../..');
let root: string;

const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const commit = (message: string) => (git('add', '-A'), git('-c', 'user.name=lab', '-c', 'user.email=lab@localhost', 'commit', '-q', '-m', message));

/** The bench tasks `nx affected` selects against the previous commit. */
function affectedBenchTasks(): string[] {
  const out = execFileSync(join(repo, 'node_modules/.bin/nx'), ['affected', '-t', 'bench', '--base=HEAD~1', '--head=HEAD', '--graph=stdout'], {
    cwd: root,
    encoding: 'utf8',
    env: nxEnv(root),
  });
  const graph = JSON.parse(out.slice(out.indexOf('{'))) as { tasks: { tasks: Record<string, unknown> } };
  return Object.keys(graph.tasks.tasks)
    .filter((id) => id.endsWith(':bench'))
    .sort();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lab-affected-'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  write('.gitignore', 'node_modules\n.nx\n');
  // @nx/js among the dependencies turns on Nx's source analysis: imports become graph edges.
  write('package.json', JSON.stringify({ name: 'affected-fixture', private: true, devDependencies: { '@nx/js': '23.2.1' } }));
  write(
    'nx.json',
    JSON.stringify({
      neverConnectToCloud: true,
      analytics: false,
      useDaemonProcess: false,
      defaultBase: 'main',
      plugins: ['./tools/nx-plugin/lab-plugin.cjs'],
    }),
  );
  copyPluginFiles(root);
  for (const id of ['go-chi', 'node-http']) {
    write(`implementations/${id}/lab.json`, JSON.stringify(manifest(id === 'go-chi' ? 'go' : 'typescript')));
    write(`implementations/${id}/main.src`, 'v1\n');
  }
  for (const id of ['01-hello', '02-json', '03-db-read'])
    write(`scenarios/${id}/scenario.ts`, "import { defineScenario } from '@lab/engine';\nexport default defineScenario();\n");
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lab/engine': ['libs/engine/src/index.ts'] } } }));
  write('libs/engine/src/index.ts', 'export const defineScenario = () => ({});\n');
  const engineTest = { command: 'true', inputs: ['default', '{workspaceRoot}/scenarios/**/*'] };
  write('libs/engine/project.json', JSON.stringify({ name: 'engine', projectType: 'library', tags: ['type:lib'], targets: { test: engineTest } }));
  write('libs/runner/src/run-cell.ts', 'export {};\n');
  git('init', '-q', '-b', 'main');
  commit('initial');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nx affected -t bench (temporary git workspace)', () => {
  it('selects exactly the cells of an edited scenario', () => {
    appendFileSync(join(root, 'scenarios/02-json/scenario.ts'), '// edited\n');
    commit('edit scenario 02');
    expect(affectedBenchTasks()).toEqual(['bench-go-chi--02-json:bench', 'bench-node-http--02-json:bench', 'scenario-02-json:bench']);
  });

  it('selects exactly the cells of an edited implementation', () => {
    appendFileSync(join(root, 'implementations/node-http/main.src'), 'v2\n');
    commit('edit node-http');
    expect(affectedBenchTasks()).toEqual([
      'bench-node-http--01-hello:bench',
      'bench-node-http--02-json:bench',
      'bench-node-http--03-db-read:bench',
      'node-http:bench',
    ]);
  });

  it('selects every cell when a measuring library changes', () => {
    appendFileSync(join(root, 'libs/runner/src/run-cell.ts'), '// edited\n');
    commit('edit the runner');
    expect(affectedBenchTasks().filter((id) => id.startsWith('bench-'))).toHaveLength(6);
  });
});
