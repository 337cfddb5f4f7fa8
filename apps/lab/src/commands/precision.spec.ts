import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runsFor } from '@lab/report';
import { standardDeviation } from '@lab/stats';
import { afterAll, describe, expect, it } from 'vitest';
import { precisionConfig } from '../cli/normalize-precision';
import { makePaint } from '../cli/paint';
import { parseCommandLine } from '../cli/parse-command-line';
import { REPO_ROOT } from '../testing/fixture-workspace';
import { type PrecisionRow, runPrecision, type TypicalLength } from './precision';

const FIXTURES = join(REPO_ROOT, 'libs/report/fixtures/results');
const dir = mkdtempSync(join(tmpdir(), 'lab-precision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (args: string[]) => precisionConfig(parseCommandLine(['precision', ...args]));

/** A fixture result (5 runs) whose runs serve `rates[i]` requests every second for 20 s, written to `name`. */
function cellWithRates(name: string, rates: number[]): string {
  const result = JSON.parse(readFileSync(join(FIXTURES, 'typescript-node-http--01-lightweight.json'), 'utf8'));
  result.cell.scenario = name;
  result.runs.forEach((run: { timeline: unknown }, i: number) => {
    const requests = Array.from({ length: 20 }, () => rates[i]!);
    const flat = (v: number) => requests.map(() => v);
    run.timeline = { seconds: 20, requests, errors: flat(0), p50Us: flat(500), p99Us: flat(900), cpuCores: {}, rssBytes: {} };
  });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result));
  return file;
}

describe('lab precision', () => {
  it("gives each cell's spread, projected intervals and run counts per length, and the median cell", async () => {
    const steadyRates = [1000, 1010, 990, 1005, 995];
    const noisyRates = [1000, 1100, 900, 1050, 950];
    const files = [cellWithRates('steady', steadyRates), cellWithRates('noisy', noisyRates), cellWithRates('middle', [1000, 1040, 960, 1020, 980])];
    const outcome = await runPrecision(REPO_ROOT, config([...files, '--lengths', '5,10s', '--targets', '5%,2%']));
    const json = outcome.json as { cells: PrecisionRow[]; typical: TypicalLength[]; targets: number[] };
    expect(json.targets).toEqual([0.02, 0.05]);
    const steady = json.cells.find((c) => c.cell.includes('steady'))!;
    expect(steady.study!.lengths.map((l) => l.seconds)).toEqual([5, 10]);
    const s = standardDeviation(steadyRates.map(Math.log));
    expect(steady.study!.lengths[0]!.sdLog).toBeCloseTo(s, 12);
    expect(steady.study!.lengths[0]!.runsFor).toEqual([
      { target: 0.02, runs: runsFor(s, 0.02) },
      { target: 0.05, runs: runsFor(s, 0.05) },
    ]);
    // The median cell is the middle one, whatever the order of the files.
    const middle = json.cells.find((c) => c.cell.includes('middle'))!.study!.lengths[0]!;
    expect(json.typical.map((t) => t.seconds)).toEqual([5, 10]);
    expect(json.typical[0]).toMatchObject({ cells: 3, sdLog: middle.sdLog, runsFor: middle.runsFor });
    const text = outcome.text!(makePaint(false)).join('\n');
    expect(text).toContain('runs for ±2 %');
    expect(text).toContain('The median cell (3 cells)');
  });

  it('lists a cell without timelines as such and fails with LAB_NO_RESULTS when nothing was found', async () => {
    const outcome = await runPrecision(REPO_ROOT, config([join(FIXTURES, 'typescript-node-http--09-db-pagination.json')]));
    expect((outcome.json as { cells: PrecisionRow[] }).cells[0]!.study).toBeNull();
    expect(outcome.text!(makePaint(false)).join('\n')).toContain('no timeline');
    await expect(runPrecision(REPO_ROOT, config([join(dir, 'missing')]))).rejects.toMatchObject({ code: 'LAB_NO_RESULTS', exitCode: 3 });
  });

  it('refuses lengths that are not whole seconds and targets that are not fractions', () => {
    for (const bad of ['abc', '0', '2.5', '5m']) expect(() => config(['--lengths', bad])).toThrow(expect.objectContaining({ code: 'LAB_USAGE_BAD_VALUE' }));
    expect(() => config(['--targets', '2'])).toThrow(expect.objectContaining({ code: 'LAB_USAGE_BAD_VALUE' }));
    expect(config([]).lengths).toEqual([5, 10, 20]);
    expect(config(['--lengths', '20,5,5']).lengths).toEqual([5, 20]);
  });
});
