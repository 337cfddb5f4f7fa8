import { readResultsDir, type LoadedResult } from '@lab/results';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from './build-report-model';
import { renderCoverage } from './render-coverage';
import { renderImplementations } from './render-implementations';
import { renderOverview } from './render-overview';
import type { ReportModel } from './report-model';
import { bestValidCells, shareOfBest } from './share-of-best';
import { FIXTURE_RESULTS_DIR, fixtureScenarios } from './testing/fixtures';

let loaded: LoadedResult[];
let model: ReportModel;
const rateOf = (impl: string, scenario: string) =>
  loaded.find((l) => l.result.cell.implementation === impl && l.result.cell.scenario === scenario)!.result.stats!.estimate;
const cellOf = (impl: string, scenario: string) => model.cells.find((c) => c.implementation === impl && c.scenario === scenario)!;
/** The cells of the markdown row starting with `label` (independent of the report's table code). */
const row = (lines: string[], label: string) =>
  lines
    .join('\n')
    .split('\n')
    .find((l) => l.startsWith(`| ${label} `))!
    .slice(1, -1)
    .split(' | ')
    .map((c) => c.trim());

beforeAll(async () => {
  ({ results: loaded } = await readResultsDir(FIXTURE_RESULTS_DIR));
  model = buildReportModel(loaded, { scenarios: fixtureScenarios() });
});

describe('share of the best valid cell', () => {
  it('takes the fastest valid cell of the comparison group as the best, never an invalid faster one', () => {
    const best = bestValidCells(model.cells);
    // go-fiber is faster on 01-lightweight but generator-bound.
    expect(rateOf('go-fiber', '01-lightweight')).toBeGreaterThan(rateOf('typescript-node-http', '01-lightweight'));
    expect(shareOfBest(cellOf('typescript-node-http', '01-lightweight'), best)).toBe(1);
    expect(shareOfBest(cellOf('python-fastapi-strict', '01-lightweight'), best)).toBeCloseTo(
      rateOf('python-fastapi-strict', '01-lightweight') / rateOf('typescript-node-http', '01-lightweight'),
      12,
    );
  });

  it('renders the overview: one row per scenario, the best named, each implementation as a percentage, invalid cells with their verdict', () => {
    const lines = renderOverview(model, model.cells);
    const header = row(lines, 'scenario');
    const cells = row(lines, '01-lightweight');
    const at = (impl: string) => cells[header.indexOf(impl)];
    expect(cells[1]).toBe(`typescript-node-http ${Math.round(rateOf('typescript-node-http', '01-lightweight')).toLocaleString('en-US')}`);
    expect(at('typescript-node-http')).toBe('100 %');
    expect(at('python-fastapi-strict')).toBe(
      `${Math.round((100 * rateOf('python-fastapi-strict', '01-lightweight')) / rateOf('typescript-node-http', '01-lightweight'))} %`,
    );
    expect(at('go-fiber')).toMatch(/^✗ \d+ % \(generator-bound\)$/);
    expect(row(lines, '09-db-pagination')[header.indexOf('go-fiber')]).toBe('–');
  });

  it('renders a profile per implementation with every scenario it was measured in', () => {
    const lines = renderImplementations(model, model.cells);
    const text = lines.join('\n');
    expect(text).toContain('### python-fastapi-strict\n\n3 cells, 2 valid;');
    const section = text.slice(text.indexOf('### python-fastapi-strict'), text.indexOf('### typescript-node-http'));
    const withCache = section.split('\n').find((l) => l.startsWith('| 15-with-cache '))!;
    expect(withCache).toMatch(/\| errors +\|$/);
  });
});

describe('cells not measured yet', () => {
  it('names the scenarios without a cell and, per measured scenario, the implementations without one', () => {
    const withGap = buildReportModel(loaded, { scenarios: [...fixtureScenarios(), { id: '99-never-measured', category: 'basic' }] });
    const text = renderCoverage(withGap, withGap.cells).join('\n');
    expect(text).toContain('7 of 12 scenario × implementation cells (default configurations of the 3 implementations on this page) have a result.');
    expect(text).toContain('- No cell yet: 99-never-measured.');
    expect(text).toContain('- 09-db-pagination: no cell of go-fiber.');
    expect(text).not.toContain('- 01-lightweight');
  });

  it('says nothing on a complete page or for one scenario', () => {
    const one = buildReportModel(
      loaded.filter((l) => l.result.cell.scenario === '01-lightweight'),
      { scenarios: fixtureScenarios().filter((s) => s.id === '01-lightweight') },
    );
    expect(renderCoverage(one, one.cells)).toEqual([]);
    const scoped = buildReportModel(loaded, { scenarios: fixtureScenarios(), scope: { kind: 'scenario', id: '09-db-pagination' } });
    expect(renderCoverage(scoped, scoped.cells)).toEqual([]);
  });
});
