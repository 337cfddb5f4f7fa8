import { readResultsDir, type LoadedResult } from '@lab/results';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from './build-report-model';
import { evaluateFindings } from './evaluate-findings';
import { renderDiscoveries } from './render-discoveries';
import { FIXTURE_RESULTS_DIR, fixtureScenarios } from './testing/fixtures';

let loaded: LoadedResult[];
beforeAll(async () => {
  ({ results: loaded } = await readResultsDir(FIXTURE_RESULTS_DIR));
});

const findingsOf = (results: LoadedResult[]) => evaluateFindings(buildReportModel(results, { scenarios: fixtureScenarios() }));

describe('evaluateFindings', () => {
  it.each([
    ['offset-depth-penalty', 'supported'],
    ['deep-offset-slower-than-deep-cursor', 'inconclusive'],
    ['cursor-depth-flat', 'measured'],
  ])('%s is %s on the fixtures', (id, verdict) => {
    const f = findingsOf(loaded).find((x) => x.hypothesis.id === id)!;
    expect(f.verdict).toBe(verdict);
    expect(f.cells.map((c) => c.label).sort()).toEqual(['python-fastapi-strict', 'typescript-node-http']);
  });

  it('gives each cell a paired ratio whose CI brackets its estimate', () => {
    for (const f of findingsOf(loaded)) {
      for (const c of f.cells) {
        expect(c.runs).toBe(5);
        expect(c.ratio!.low).toBeLessThanOrEqual(c.ratio!.estimate);
        expect(c.ratio!.estimate).toBeLessThanOrEqual(c.ratio!.high);
      }
    }
  });

  it('lists an invalid cell but does not count it', () => {
    const tampered = loaded.map((l) =>
      l.result.cell.scenario === '09-db-pagination' && l.result.cell.implementation === 'python-fastapi-strict'
        ? { ...l, result: { ...l.result, validity: { verdict: 'checks-failed' as const, reasons: ['2 % of checks failed'] } } }
        : l,
    );
    const f = findingsOf(tampered).find((x) => x.hypothesis.id === 'deep-offset-slower-than-deep-cursor')!;
    expect(f.cells.find((c) => c.label === 'python-fastapi-strict')).toMatchObject({ counted: false, note: 'not counted: checks-failed' });
    expect(f.verdict).toBe('supported');
  });

  it('is inconclusive, naming the group, when a group was never measured', () => {
    const f = evaluateFindings(buildReportModel(loaded), [
      {
        id: '09-db-pagination',
        hypotheses: [
          { id: 'x', statement: 's', metric: 'p99', compare: { a: 'nope', b: 'Cursor pagination - deep (rows 99001-100000)' }, expectRatioAtLeast: 2 },
        ],
      },
    ])[0]!;
    expect(f.verdict).toBe('inconclusive');
    expect(f.cells[0]!.note).toBe('group not measured: nope');
  });

  it('renders DISCOVERIES.md with the effect, verdict and cells', () => {
    const md = renderDiscoveries(findingsOf(loaded));
    expect(md).toContain('### offset-depth-penalty — **supported**');
    expect(md).toMatch(/\| typescript-node-http +\| default +\| fixture-host +\| 5 +\| \d\.\d\d× \[\d\.\d\d–\d\.\d\d\] +\| supported/);
    expect(md).toContain('3 hypotheses: 1 supported, 0 rejected, 1 inconclusive, 1 measured.');
  });
});
