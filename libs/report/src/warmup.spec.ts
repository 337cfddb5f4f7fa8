import { join } from 'node:path';
import { readResultFile, type ResultFile } from '@lab/results';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RESULTS_DIR } from './testing/fixtures';
import { warmupOf } from './warmup';

/** A committed fixture without timelines (5 runs). */
const fixtureResult = () => readResultFile(join(FIXTURE_RESULTS_DIR, 'typescript-node-http--09-db-pagination.json'));

/** The fixture with one traffic timeline per run (rates per second), measured with `warmupMs`. */
async function withRates(perRun: (readonly number[] | null)[], warmupMs = 0): Promise<ResultFile> {
  const result = await fixtureResult();
  result.plan.warmupMs = warmupMs;
  result.runs.forEach((run, i) => {
    const rates = perRun[i];
    if (rates)
      run.timeline = {
        seconds: rates.length,
        requests: [...rates],
        errors: rates.map(() => 0),
        p50Us: rates.map(() => 500),
        p99Us: rates.map(() => 900),
        cpuCores: {},
        rssBytes: {},
      };
  });
  return result;
}

const steady = [1000, 1003, 998, 1001, 1000, 999, 1002, 1000];

describe('warmupOf', async () => {
  it('gives each run its settling second and the cell the slowest run (every run starts cold)', async () => {
    const w = warmupOf(await withRates([[500, 800, 950, 1000, 1001, 999, 1000, 1002], [700, 990, ...steady.slice(2)], steady]));
    expect(w?.runs.map((r) => [r.run, r.settledAtSecond])).toEqual([
      [0, 3],
      [1, 1],
      [2, 0],
    ]);
    expect(w).toMatchObject({ settledAtSecond: 3, warmupMs: 0, band: 0.02, smoothSeconds: 3 });
    expect(w?.runs[0]?.finalRatePerSec).toBe(1000);
  });

  it('is null for the cell when one run never settles, and leaves out runs without a traffic timeline', async () => {
    const w = warmupOf(await withRates([steady, null, [...steady.slice(0, 5), 900, 880, 860]], 5_000));
    expect(w?.runs.map((r) => r.run)).toEqual([0, 2]);
    expect(w).toMatchObject({ settledAtSecond: null, warmupMs: 5_000 });
  });

  it('is null without any traffic timeline (wrk, or a file written before timelines), and skips a run whose rate ends at 0', async () => {
    expect(warmupOf(await fixtureResult())).toBeNull();
    expect(warmupOf(await withRates([[5, 0, 0, 0]]))).toBeNull();
  });
});
