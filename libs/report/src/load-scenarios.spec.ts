import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHypothesesFile } from './hypotheses-file';
import { loadScenarios } from './load-scenarios';

// The workspace's own scenarios and hypotheses.json files are loaded by the scenario smoke test
// (tools/scenario-smoke), whose Nx inputs cover every scenario folder.

describe('loadScenarios with a hypotheses.json', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A workspace with one scenario `01-demo` (one group hypothesis in scenario.ts) and the given hypotheses.json. */
  function workspace(hypotheses: unknown): string {
    root = mkdtempSync(join(tmpdir(), 'lab-scenarios-'));
    const dir = join(root, 'scenarios', '01-demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'scenario.ts'),
      `export default { id: '01-demo', title: 'Demo', category: 'basic', hypotheses: [{ id: 'in-ts', statement: 's', metric: 'p50', compare: { a: 'A', b: 'B' } }] };\n`,
    );
    writeFileSync(join(dir, 'hypotheses.json'), typeof hypotheses === 'string' ? hypotheses : JSON.stringify(hypotheses));
    return root;
  }

  it('appends the file’s hypotheses to those of scenario.ts', async () => {
    const { scenarios, problems } = await loadScenarios(
      workspace({ hypotheses: [{ id: 'counted', statement: 's', extras: ['scenario.x'], expect: { atMost: 0 } }] }),
    );
    expect(problems).toEqual([]);
    expect(scenarios[0]!.hypotheses!.map((h) => h.id)).toEqual(['in-ts', 'counted']);
  });

  it.each([
    [
      'a field of the kind its keys name',
      { hypotheses: [{ id: 'x', statement: 's', extras: ['e'], expect: {} }] },
      'hypotheses[0].expect: must give atLeast, atMost or both',
    ],
    ['an unknown key', { hypotheses: [{ id: 'x', statement: 's', metric: 'p50', compare: { a: 'A', b: 'B' }, expected: 2 }] }, 'hypotheses[0]'],
    [
      'an id declared in scenario.ts too',
      { hypotheses: [{ id: 'in-ts', statement: 's', metric: 'p50', compare: { a: 'A', b: 'C' } }] },
      'also declared in scenario.ts',
    ],
    [
      'a comparison of two other scenarios',
      {
        hypotheses: [{ id: 'x', statement: 's', metric: 'p50', compareCells: { a: { scenario: '02-a', group: 'A' }, b: { scenario: '03-b', group: 'B' } } }],
      },
      'compares two other scenarios',
    ],
    ['broken JSON', '{ "hypotheses": [', 'not valid JSON'],
  ])('reports %s as a problem naming the file, and keeps the scenario', async (_what, file, message) => {
    const { scenarios, problems } = await loadScenarios(workspace(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ folder: '01-demo', message: expect.stringContaining('hypotheses.json: ') });
    expect(problems[0]!.message).toContain(message);
    expect(scenarios[0]!.hypotheses!.map((h) => h.id)).toEqual(['in-ts']);
  });
});

describe('parseHypothesesFile', () => {
  it('tells the three kinds apart by their keys', () => {
    const parsed = parseHypothesesFile(
      JSON.stringify({
        hypotheses: [
          { id: 'groups', statement: 's', metric: 'p50', compare: { a: 'A', b: 'B' }, expectRatioAtLeast: 2 },
          {
            id: 'cells',
            statement: 's',
            metric: 'ratePerSec',
            compareCells: { a: { scenario: '16-a-pure-hit', group: 'H' }, b: { scenario: '16-b-pure-miss', group: 'M' } },
          },
          { id: 'counters', statement: 's', extras: ['scenario.no-lock.lostUpdates'], expect: { atLeast: 1 } },
        ],
      }),
    );
    expect('hypotheses' in parsed && parsed.hypotheses.map((h) => ('compare' in h ? 'groups' : 'compareCells' in h ? 'cells' : 'extras'))).toEqual([
      'groups',
      'cells',
      'extras',
    ]);
  });

  it('names every wrong field with its path, and gives a hint', () => {
    const parsed = parseHypothesesFile(
      JSON.stringify({
        hypotheses: [
          { id: 'Bad Id', statement: '', metric: 'p42', compare: { a: 'A', b: 'A' } },
          { id: 'y', statement: 's', extras: [], expect: { atLeast: 2, atMost: 1 } },
        ],
      }),
    );
    expect('issues' in parsed).toBe(true);
    if (!('issues' in parsed)) return;
    expect(parsed.issues.map((i) => i.path).sort()).toEqual(
      ['hypotheses[0].compare', 'hypotheses[0].id', 'hypotheses[0].metric', 'hypotheses[0].statement', 'hypotheses[1].expect', 'hypotheses[1].extras'].sort(),
    );
    expect(parsed.hint).toContain('compareCells');
  });

  it('refuses an id used twice in one file, and an empty file', () => {
    const twice = parseHypothesesFile(JSON.stringify({ hypotheses: [0, 1].map(() => ({ id: 'x', statement: 's', extras: ['e'], expect: { atMost: 0 } })) }));
    expect(twice).toMatchObject({ issues: [{ path: 'hypotheses[1].id', message: '"x" is declared twice' }] });
    expect(parseHypothesesFile('{"hypotheses": []}')).toMatchObject({ issues: [{ path: 'hypotheses', message: expect.stringContaining('at least one') }] });
  });
});
