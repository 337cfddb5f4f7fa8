import { describe, expect, it } from 'vitest';
import { fixtureWithRates as withRates } from './testing/fixtures';
import { warmupOf } from './warmup';

const steady = [1000, 1003, 998, 1001, 1000, 999, 1002, 1000];

describe('warmupOf', async () => {
  it('gives each run its settling second and the cell the slowest run (every run starts cold)', async () => {
    const w = warmupOf(await withRates([[500, 800, 950, 1000, 1001, 999, 1000, 1002], [700, 990, ...steady.slice(2)], steady]));
    expect(w?.runs.map((r) => [r.run, r.settledAtSecond])).toEqual([
      [0, 3],
      [1, 1],
      [2, 0],
    ]);
    expect(w).toMatchObject({ settledAtSecond: 3, warmupMs: 0, band: 0.02, noiseMultiplier: 3, smoothSeconds: 3 });
    expect(w?.runs[0]).toMatchObject({ outcome: 'settled', finalRatePerSec: 1000.5, band: 0.02 });
  });

  it("widens a run's band to its own per-second scatter: V8-like runs scattering 4 % settle at second 1", async () => {
    // First second at half the rate, then 1000 req/s ± 4 %: a fixed ±2 % band would call these not steady.
    const noisy = [500, 1040, 960, 1010, 1045, 965, 1000, 1030, 955, 1020, 990, 1050, 962, 1004, 1038, 970, 1000, 1042, 958, 1012];
    const w = warmupOf(await withRates([noisy, [520, ...noisy.slice(2), 1000]]));
    expect(w?.runs.map((r) => [r.outcome, r.settledAtSecond])).toEqual([
      ['settled', 1],
      ['settled', 1],
    ]);
    expect(w?.runs[0]?.band).toBeGreaterThan(0.05);
    expect(w?.settledAtSecond).toBe(1);
  });

  it('is null for the cell when one run never settles, and leaves out runs without a traffic timeline', async () => {
    const w = warmupOf(await withRates([steady, null, [...steady.slice(0, 5), 900, 880, 860]], 5_000));
    expect(w?.runs.map((r) => [r.run, r.outcome])).toEqual([
      [0, 'settled'],
      [2, 'not-steady'],
    ]);
    expect(w).toMatchObject({ settledAtSecond: null, warmupMs: 5_000 });
  });

  it('calls a run shorter than 8 seconds too short to judge, and the cell unsettled', async () => {
    const w = warmupOf(await withRates([steady, steady.slice(0, 7)]));
    expect(w?.runs.map((r) => [r.outcome, r.settledAtSecond])).toEqual([
      ['settled', 0],
      ['too-short', null],
    ]);
    expect(w?.settledAtSecond).toBeNull();
  });

  it('is null without any traffic timeline (wrk, or a file written before timelines), and skips a run whose rate ends at 0', async () => {
    expect(warmupOf(await withRates([]))).toBeNull();
    expect(warmupOf(await withRates([[5, 0, 0, 0]]))).toBeNull();
  });
});
