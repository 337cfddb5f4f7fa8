import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The lab's dependency direction (docs/developing.md): contract → engine/infra/isolation → runner →
 * stats → results → report → apps. Checked on the real Nx project graph, whose edges come from
 * the TypeScript imports, so a forbidden import fails this test.
 */
const allowedByLayer: Record<string, readonly string[]> = {
  'layer:contract': [],
  'layer:manifest': [],
  'layer:stats': [],
  'layer:isolation': [],
  'layer:infra': ['layer:contract'],
  'layer:results': ['layer:stats'],
  'layer:engine': ['layer:contract', 'layer:stats', 'layer:results'],
  'layer:conformance': ['layer:contract', 'layer:infra'],
  'layer:fuzz': ['layer:contract'],
  'layer:runner': [
    'layer:contract',
    'layer:manifest',
    'layer:stats',
    'layer:isolation',
    'layer:infra',
    'layer:engine',
    'layer:conformance',
    'layer:results',
  ],
  'layer:report': ['layer:contract', 'layer:stats', 'layer:results'],
};

interface GraphFile {
  graph: {
    nodes: Record<string, { data: { tags?: string[] } }>;
    dependencies: Record<string, { target: string }[]>;
  };
}

const workspaceRoot = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'lab-graph-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readGraph(): GraphFile['graph'] {
  const file = join(scratch, 'graph.json');
  execFileSync(join(workspaceRoot, 'node_modules/.bin/nx'), ['graph', `--file=${file}`], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_ISOLATE_PLUGINS: 'false' },
    stdio: 'ignore',
  });
  return (JSON.parse(readFileSync(file, 'utf8')) as GraphFile).graph;
}

describe('module boundaries', () => {
  const graph = readGraph();
  const tagsOf = (name: string) => graph.nodes[name]?.data.tags ?? [];
  const layerOf = (name: string) => tagsOf(name).find((t) => t.startsWith('layer:'));
  const libraries = Object.keys(graph.nodes).filter((name) => tagsOf(name).includes('type:lib'));

  it('knows every library layer', () => {
    for (const lib of libraries) expect(Object.keys(allowedByLayer), lib).toContain(layerOf(lib));
  });

  it.each(libraries)('%s depends only on the layers before it', (lib) => {
    const allowed = allowedByLayer[layerOf(lib) ?? ''] ?? [];
    const forbidden = (graph.dependencies[lib] ?? [])
      .map((d) => d.target)
      .filter((target) => !tagsOf(target).some((tag) => allowed.includes(tag)));
    expect(forbidden).toEqual([]);
  });

  it('implementations depend on no lab code but the contract they serve (e.g. schemas generated from it)', () => {
    const impls = Object.keys(graph.nodes).filter((name) => tagsOf(name).includes('type:impl'));
    expect(impls.length).toBeGreaterThan(0);
    for (const impl of impls) {
      const forbidden = (graph.dependencies[impl] ?? []).map((d) => d.target).filter((target) => !tagsOf(target).includes('layer:contract'));
      expect(forbidden, impl).toEqual([]);
    }
  });
});
