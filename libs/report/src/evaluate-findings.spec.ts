import { readResultsDir, type LoadedResult } from '@lab/results';
import { compareRuns } from '@lab/stats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from './build-report-model';
import { evaluateFindings } from './evaluate-findings';
import type { HypothesisSpec } from './report-model';
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

  /** The fixtures with one cell's verdict replaced. */
  const withVerdict = (scenario: string, implementation: string, verdict: 'unstable' | 'noisy') =>
    loaded.map((l) =>
      l.result.cell.scenario === scenario && l.result.cell.implementation === implementation
        ? { ...l, result: { ...l.result, validity: { verdict, reasons: [`${verdict} for the test`] } } }
        : l,
    );

  it('counts an unstable cell for two groups of one cell (paired within runs), but not a noisy one', () => {
    const unstable = findingsOf(withVerdict('09-db-pagination', 'typescript-node-http', 'unstable')).find((x) => x.hypothesis.id === 'offset-depth-penalty')!;
    expect(unstable.cells.find((c) => c.label === 'typescript-node-http')).toMatchObject({
      counted: true,
      note: 'unstable cell: counted, paired within runs',
    });
    expect(unstable.verdict).toBe('supported');
    expect(unstable.why).toBe('supported in all 2 counted cells');
    const noisy = findingsOf(withVerdict('09-db-pagination', 'typescript-node-http', 'noisy')).find((x) => x.hypothesis.id === 'offset-depth-penalty')!;
    expect(noisy.cells.find((c) => c.label === 'typescript-node-http')).toMatchObject({ counted: false, note: 'not counted: noisy' });
  });

  it('does not count an unstable cell, nor an unstable partner, for two cells (drift between them moves the ratio)', () => {
    const h: HypothesisSpec = {
      id: 'h',
      statement: 's',
      metric: 'p50',
      compareCells: {
        a: { scenario: '09-db-pagination', group: 'OFFSET pagination - deep (pages 4950-5000)' },
        b: { scenario: '01-lightweight', group: 'default' },
      },
      expectRatioAtLeast: 1,
    };
    const judge = (results: LoadedResult[]) =>
      evaluateFindings(buildReportModel(results), [{ id: '09-db-pagination', hypotheses: [h] }])[0]!.cells.find((c) => c.label === 'typescript-node-http');
    expect(judge(withVerdict('09-db-pagination', 'typescript-node-http', 'unstable'))).toMatchObject({ counted: false, note: 'not counted: unstable' });
    expect(judge(withVerdict('01-lightweight', 'typescript-node-http', 'unstable'))).toMatchObject({
      counted: false,
      note: '01-lightweight cell not counted: unstable',
    });
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

  describe('between two cells of one implementation (compareCells)', () => {
    const DEEP = 'OFFSET pagination - deep (pages 4950-5000)';
    /** The deep OFFSET group of each 09 cell against the given group of the implementation's cell in scenario b. */
    const finding = (metric: 'p50' | 'ratePerSec', b: { scenario: string; group: string }, expectRatioAtLeast?: number) => {
      const h: HypothesisSpec = { id: 'h', statement: 's', metric, compareCells: { a: { scenario: '09-db-pagination', group: DEEP }, b }, expectRatioAtLeast };
      return evaluateFindings(buildReportModel(loaded), [{ id: '09-db-pagination', hypotheses: [h] }])[0]!;
    };

    it('pairs each cell of scenario a with its implementation’s cell of scenario b: a Welch ratio of the run figures', () => {
      const f = finding('p50', { scenario: '01-lightweight', group: 'default' }, 1);
      expect(f.cells.map((c) => c.label).sort()).toEqual(['python-fastapi-strict', 'typescript-node-http']);
      expect(f.verdict).toBe('supported');
      const model = buildReportModel(loaded);
      const runsOf = (scenario: string, group: string) =>
        model.cells.find((c) => c.scenario === scenario && c.implementation === 'typescript-node-http')!.groupRuns[group]!.map((g) => g!.p50!);
      const expected = compareRuns(runsOf('09-db-pagination', DEEP), runsOf('01-lightweight', 'default'));
      expect(f.cells.find((c) => c.label === 'typescript-node-http')).toMatchObject({
        runs: 5,
        ratio: { estimate: expected.ratio, low: expected.low, high: expected.high },
        verdict: 'supported',
        counted: true,
      });
    });

    it('is inconclusive, uncounted, for a cell with no partner, and measured without an expected ratio', () => {
      const lonely = finding('ratePerSec', { scenario: '03-db-read', group: 'x' }, 1);
      expect(lonely.verdict).toBe('inconclusive');
      expect(lonely.cells[0]).toMatchObject({ counted: false, ratio: null, note: 'no 03-db-read cell to compare with' });
      const measured = finding('ratePerSec', { scenario: '01-lightweight', group: 'default' });
      expect(measured.verdict).toBe('measured');
      expect(renderDiscoveries([measured])).toContain('in 09-db-pagination ÷ `default` in 01-lightweight');
    });
  });

  describe('on counters (extras)', () => {
    const finding = (expect: { atLeast?: number; atMost?: number }, extras = ['cache.hitRatio']) =>
      evaluateFindings(buildReportModel(loaded), [{ id: '15-with-cache', hypotheses: [{ id: 'hits', statement: 's', extras, expect }] }])[0]!;

    it('is supported when every counter lies within the bounds, rejected when one does not', () => {
      const ok = finding({ atLeast: 0.9 });
      expect(ok.verdict).toBe('supported');
      expect(ok.cells.find((c) => c.label === 'typescript-node-http')).toMatchObject({
        extras: { 'cache.hitRatio': 0.9533 },
        verdict: 'supported',
        counted: true,
      });
      // python-fastapi-strict's cell had errors: listed with its counters, never counted.
      expect(ok.cells.find((c) => c.label === 'python-fastapi-strict')).toMatchObject({ counted: false, note: 'not counted: errors' });
      expect(finding({ atLeast: 0.9, atMost: 0.95 }).verdict).toBe('rejected');
      expect(renderDiscoveries([finding({ atLeast: 0, atMost: 0 })])).toContain('expected = 0 each');
      expect(renderDiscoveries([ok])).toMatch(/\| typescript-node-http +\| default +\| fixture-host +\| – +\| cache.hitRatio = 0.953 +\| supported/);
    });

    it('is inconclusive, naming the counter, when a cell did not record it', () => {
      const f = finding({ atMost: 0 }, ['cache.hitRatio', 'scenario.nope']);
      expect(f.verdict).toBe('inconclusive');
      expect(f.cells[0]).toMatchObject({ extras: null, counted: false, note: 'not recorded: scenario.nope' });
    });
  });
});
