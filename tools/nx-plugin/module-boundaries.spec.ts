import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
  'layer:runner': ['layer:contract', 'layer:manifest', 'layer:stats', 'layer:isolation', 'layer:infra', 'layer:engine', 'layer:conformance', 'layer:results'],
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
    const forbidden = (graph.dependencies[lib] ?? []).map((d) => d.target).filter((target) => !tagsOf(target).some((tag) => allowed.includes(tag)));
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

/** Relative imports (type-only ones too) between the lab's own TypeScript files, spec files excluded. */
function importGraph(): Map<string, string[]> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', 'libs', 'apps', 'tools', 'experiments'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts') && existsSync(join(workspaceRoot, f)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(workspaceRoot, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].flatMap(([, spec]) => {
      const base = join(dirname(file), spec!);
      return [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')].filter((c) => known.has(c)).slice(0, 1);
    });
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one file (Tarjan): every import cycle. */
function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import cycles', () => {
  it('finds one when two files import each other (the detector works)', () => {
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
          ['c.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });

  it("there is none among the lab's files, type-only imports included", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  });
});
