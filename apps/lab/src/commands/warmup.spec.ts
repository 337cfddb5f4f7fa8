import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { warmupConfig } from '../cli/normalize-warmup';
import { makePaint } from '../cli/paint';
import { parseCommandLine } from '../cli/parse-command-line';
import { REPO_ROOT } from '../testing/fixture-workspace';
import { runWarmup, type WarmupRow } from './warmup';

const ROOT = REPO_ROOT;
const FIXTURES = join(ROOT, 'libs/report/fixtures/results');
const empty = mkdtempSync(join(tmpdir(), 'lab-warmup-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

const config = (args: string[]) => warmupConfig(parseCommandLine(['warmup', ...args]));
const rows = async (args: string[]) => ((await runWarmup(ROOT, config(args))).json as { cells: (WarmupRow & { settledAtSecond: number | null })[] }).cells;

describe('lab warmup', () => {
  it('reports where each run of each cell settles, the slowest run for the cell, and cells without a timeline', async () => {
    const cells = await rows([FIXTURES]);
    const byCell = Object.fromEntries(cells.map((c) => [c.cell, c]));
    expect(cells).toHaveLength(7);
    expect(byCell['typescript-node-http × 01-lightweight @ default']).toMatchObject({ settledAtSecond: 9, planWarmupMs: 10_000, driver: 'native' });
    expect(byCell['typescript-node-http × 01-lightweight @ default']!.warmup!.runs.map((r) => r.settledAtSecond)).toEqual([9, 8, 9, 8, 8]);
    expect(byCell['go-fiber × 01-lightweight @ default']!.settledAtSecond).toBe(0);
    expect(byCell['typescript-node-http × 09-db-pagination @ default']).toMatchObject({ warmup: null, settledAtSecond: null });
  });

  it('judges each run by its own scatter, prints the band beside its final rate, and calls a short run too short', async () => {
    // The fixture with the rates of a V8-like server that scatters ±4 % from second to second (a
    // fixed ±2 % band would call it not steady), and one run of 6 s.
    const noisy = [500, 1040, 960, 1010, 1045, 965, 1000, 1030, 955, 1020, 990, 1050, 962, 1004, 1038, 970, 1000, 1042, 958, 1012];
    const file = join(empty, 'noisy.json');
    const result = JSON.parse(readFileSync(join(FIXTURES, 'go-fiber--01-lightweight.json'), 'utf8'));
    result.runs.forEach((run: { timeline: unknown }, i: number) => {
      const requests = i === 2 ? noisy.slice(0, 6) : noisy;
      const flat = (v: number) => requests.map(() => v);
      run.timeline = { seconds: requests.length, requests, errors: flat(0), p50Us: flat(500), p99Us: flat(900), cpuCores: {}, rssBytes: {} };
    });
    writeFileSync(file, JSON.stringify(result));
    const outcome = await runWarmup(ROOT, config([file]));
    const [cell] = (outcome.json as { cells: (WarmupRow & { settledAtSecond: number | null })[] }).cells;
    expect(cell!.warmup!.runs.map((r) => [r.outcome, r.settledAtSecond])).toEqual([
      ['settled', 1],
      ['settled', 1],
      ['too-short', null],
    ]);
    expect(cell!.warmup!.runs[0]!.band).toBeGreaterThan(0.05);
    expect(cell!.settledAtSecond).toBeNull();
    const text = outcome.text!(makePaint(false)).join('\n');
    const [first] = cell!.warmup!.runs;
    expect(text).toMatch(/1, 1, too short \(6 s\) +too short /);
    expect(text).toContain(`${Math.round(first!.finalRatePerSec).toLocaleString('en-US')} (−${Number((first!.band * 100).toFixed(1))} %)`);
  });

  it('a wider band settles no later', async () => {
    const narrow = await rows([join(FIXTURES, 'typescript-node-http--01-lightweight.json')]);
    const wide = await rows([join(FIXTURES, 'typescript-node-http--01-lightweight.json'), '--band', '10%']);
    expect(wide[0]!.settledAtSecond!).toBeLessThan(narrow[0]!.settledAtSecond!);
  });

  it('lists an unreadable file as a problem beside the results, and fails with LAB_NO_RESULTS when nothing was found', async () => {
    const bad = join(empty, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 2}');
    const outcome = await runWarmup(ROOT, config([bad, join(FIXTURES, 'go-fiber--01-lightweight.json')]));
    expect((outcome.json as { problems: { file: string }[] }).problems.map((p) => p.file)).toEqual([bad]);
    await expect(runWarmup(ROOT, config([bad]))).rejects.toMatchObject({ code: 'LAB_NO_RESULTS', exitCode: 3 });
    await expect(runWarmup(ROOT, config([join(empty, 'missing')]))).rejects.toMatchObject({ code: 'LAB_NO_RESULTS' });
  });

  it('refuses a band that is not a fraction or a percentage', () => {
    expect(() => config(['--band', '0'])).toThrow(expect.objectContaining({ code: 'LAB_USAGE_BAD_VALUE' }));
    expect(config(['--band', '5%']).band).toBe(0.05);
  });
});
