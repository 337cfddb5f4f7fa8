import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from '@lab/results';
import { REPO_ROOT } from '../testing/fixture-workspace';
import { makePaint } from '../cli/paint';
import { renderMatrix, type MatrixCell } from './bench-matrix';

/** The report library's fixture results: a ranking, a tie, a generator-bound cell, … */
const dir = join(REPO_ROOT, 'libs/report/fixtures/results');
const results = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ResultFile);
const plain = makePaint(false);

const cells: MatrixCell[] = [
  ...results.filter((r) => r.cell.scenario === '01-lightweight').map((result) => ({ impl: result.cell.implementation, scenario: '01-lightweight', result })),
  { impl: 'ruby-rails', scenario: '01-lightweight', error: { code: 'LAB_IMPL_NOT_READY', message: 'exited', hint: undefined, details: [], exitCode: 3 } },
];
const scenarios = [{ id: '01-lightweight', title: 'Lightweight', category: 'basic' }];

describe('renderMatrix', () => {
  const lines = renderMatrix(cells, scenarios, plain);
  const header = lines.find((l) => l.trimStart().startsWith('scenario'))!;
  const row = lines.find((l) => l.trimStart().startsWith('01-lightweight'))!;

  it('has one column per implementation, in the order measured', () => {
    expect(header.trim().split(/\s{2,}/)).toEqual(['scenario', ...cells.map((c) => c.impl)]);
  });

  it('shows the median with its CI and the report markers, and FAILED with the code for a failed cell', () => {
    expect(row).toMatch(/#1 [\d,]+ \[[\d,]+–[\d,]+\]/);
    expect(row).toContain('✗'); // the fixture's generator-bound go-fiber cell
    expect(row).toContain('(generator-bound)');
    expect(row).toContain('FAILED error[LAB_IMPL_NOT_READY]');
  });

  it('ends with the tally of measured, invalid and failed cells', () => {
    expect(lines.at(-1)).toMatch(/4 cells: 3 measured \(1 not valid\), 1 failed/);
  });
});
