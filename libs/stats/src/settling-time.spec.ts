import { describe, expect, it } from 'vitest';
import { MIN_SETTLING_SECONDS, type Settling, settlingTime } from './settling-time';
import { normalSample } from './testing/normal-sample';

/** A 20-second run at 1000 req/s × `shape(second)`, with multiplicative Gaussian noise of `sigma` (seeded). */
const run = (sigma: number, seed: number, shape: (second: number) => number = () => 1, seconds = 20) =>
  normalSample(seconds, 0, sigma, seed).map((e, i) => 1000 * shape(i) * (1 + e));

/** The settling second, or the outcome when the run did not settle. */
const settled = (s: Settling) => (s.outcome === 'settled' ? s.settledAtSecond : s.outcome);

/** How often each result came out over seeds 1–100. */
function tally(make: (seed: number) => number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let seed = 1; seed <= 100; seed++) {
    const key = String(settled(settlingTime(make(seed))));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const v8 = (second: number) => (second === 0 ? 0.5 : 1);
const ruby = (second: number) => (second === 0 ? 0.93 : 1);

describe('settlingTime', () => {
  it.each([
    // Hand-made runs of 10 s at 1000 req/s with ±0.3 % scatter: the band is the 2 % floor.
    ['V8-like: half the rate in the first second', [500, 1002, 998, 1001, 1000, 997, 1003, 1000, 999, 1001], 1],
    ['Ruby-like: 7 % low for one second', [930, 1002, 998, 1001, 1000, 997, 1003, 1000, 999, 1001], 1],
    ['a ramp settles once its moving median reaches the band', [600, 800, 950, 995, 1004, 998, 1001, 1000, 1003, 999, 1000, 1002], 3],
    ['steady from the start', [1000, 1003, 998, 1001, 1000, 997, 1003, 1000, 999, 1001], 0],
    ['starting high is not warm-up (one-sided)', [1300, 1150, 998, 1001, 1000, 997, 1003, 1000, 999, 1001], 0],
    ['a late 6 % dip for one second is damped by the moving median', [500, 1002, 998, 1001, 1000, 997, 1003, 940, 999, 1001], 1],
    ['a dip in the very last second too', [500, 1002, 998, 1001, 1000, 997, 1003, 1000, 999, 940], 1],
    ['a later rise does not count', [500, 1002, 1100, 1120, 1001, 997, 1003, 1000, 999, 1001], 1],
    ['two seconds 20 % low are more than noise: the run settles after them', [500, 1002, 998, 800, 800, 997, 1003, 1000, 999, 1001], 5],
    ['exactly on the band edge is inside', [500, 980, 980, 1000, 1000, 1000, 1000, 1000, 1000, 1000], 1],
    ['leading zero seconds (no traffic yet) are warm-up', [0, 0, 600, 1002, 998, 1001, 1000, 997, 1003, 1000, 999, 1001], 3],
    ['one zero second mid-run (a stall) is damped like any single dip', [500, 1002, 998, 1001, 0, 997, 1003, 1000, 999, 1001], 1],
  ] as const)('%s', (_name, series, want) => {
    expect(settled(settlingTime(series))).toBe(want);
  });

  it('states the level, the scatter and the band it used (hand-computed)', () => {
    // Differences 3 −4 3 −2 −3 4 −1 −2 3: median −1, MAD 3, so s = 3 × 1.4826 / √2; L = median(97 101 100 98 101) = 100.
    const s = settlingTime([100, 103, 99, 102, 100, 97, 101, 100, 98, 101]);
    expect(s.finalLevel).toBe(100);
    expect(s.scatter).toBeCloseTo((3 * 1.482602218505602) / Math.SQRT2, 12);
    expect(s.band).toBeCloseTo((3 * s.scatter) / 100, 12);
    // Smoothed (moving median of 3), the second half is 100 100 100 100 100: no drift.
    expect(s.drift).toBe(0);
    expect(s).toMatchObject({ outcome: 'settled', settledAtSecond: 0, levelSeconds: 5, seconds: 10 });
    // A run with almost no scatter gets the floor.
    expect(settlingTime([1000, 1001, 1000, 1001, 1000, 1001, 1000, 1001]).band).toBe(0.02);
    expect(settlingTime([1000, 1001, 1000, 1001, 1000, 1001, 1000, 1001], { minBand: 0.05 }).band).toBe(0.05);
  });

  it('V8-like runs (first second at 50 %) settle at second 1 whatever their scatter', () => {
    for (const sigma of [0.01, 0.03, 0.05]) expect(tally((seed) => run(sigma, seed, v8))['1']).toBeGreaterThanOrEqual(90);
  });

  it('Ruby-like runs (first second 7 % low) settle at second 1, or at 0 where 7 % is within their scatter', () => {
    expect(tally((seed) => run(0.01, seed, ruby))['1']).toBeGreaterThanOrEqual(90);
    const noisy = tally((seed) => run(0.03, seed, ruby));
    expect((noisy['0'] ?? 0) + (noisy['1'] ?? 0)).toBeGreaterThanOrEqual(90);
  });

  it('a flat run with 3 % per-second noise is steady from the first second (0), not "not steady"', () => {
    const counts = tally((seed) => run(0.03, seed));
    expect(counts['0']).toBeGreaterThanOrEqual(90);
    expect(counts['not-steady'] ?? 0).toBeLessThanOrEqual(3);
  });

  it('a late one-second dip of 6 % does not move the settling second', () => {
    expect(tally((seed) => run(0.01, seed, (i) => (i === 15 ? 0.94 : v8(i))))['1']).toBeGreaterThanOrEqual(90);
  });

  it('a run rising through the whole run (80 % → 100 %) is not steady', () => {
    const rising = (i: number) => 0.8 + (0.2 * i) / 19;
    expect(tally((seed) => run(0.01, seed, rising))['not-steady']).toBeGreaterThanOrEqual(90);
    const noiseless = settlingTime(Array.from({ length: 20 }, (_, i) => 1000 * rising(i)));
    expect(noiseless).toMatchObject({ outcome: 'not-steady', settledAtSecond: null });
    expect(noiseless.drift).toBeGreaterThan(noiseless.band);
  });

  it('a run that ends below its level is not steady', () => {
    expect(settlingTime([1000, 1002, 998, 1001, 1000, 997, 1003, 800, 790, 810])).toMatchObject({ outcome: 'not-steady', settledAtSecond: null });
  });

  it('a wider floor never settles later', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const series = run(0.02, seed, (i) => Math.min(1, 0.6 + 0.1 * i));
      const narrow = settlingTime(series);
      const wide = settlingTime(series, { minBand: 0.1 });
      if (narrow.outcome === 'settled') expect(wide.settledAtSecond!).toBeLessThanOrEqual(narrow.settledAtSecond!);
    }
  });

  it(`judges no run shorter than ${MIN_SETTLING_SECONDS} seconds`, () => {
    expect(settlingTime([500, 1000, 1000, 1000, 1000, 1000, 1000])).toMatchObject({ outcome: 'too-short', settledAtSecond: null, finalLevel: 1000 });
    expect(settlingTime([500, 1000, 1000, 1000, 1000, 1000, 1000, 1000])).toMatchObject({ outcome: 'settled', settledAtSecond: 1 });
    expect(settlingTime([1000]).outcome).toBe('too-short');
  });

  it('without smoothing one slow second is enough to count as warm-up', () => {
    const series = [500, 1002, 998, 1001, 1000, 997, 1003, 940, 999, 1001];
    expect(settlingTime(series, { smoothSeconds: 1 }).settledAtSecond).toBe(8);
  });

  it.each([
    [[], {}, 'LAB_STATS_EMPTY_SAMPLE'],
    [[1, Number.NaN], {}, 'LAB_STATS_NON_FINITE'],
    [[1, 2], { minBand: 0 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { minBand: 1 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { noiseMultiplier: -1 }, 'LAB_STATS_INVALID_OPTION'],
    [[1, 2], { smoothSeconds: 2 }, 'LAB_STATS_INVALID_OPTION'],
    [[5, 0, 0, 0], {}, 'LAB_STATS_ZERO_DENOMINATOR'],
    [[900, 1000, 1000, 1000, 0, 0, 0, 0, 0, 0], {}, 'LAB_STATS_ZERO_DENOMINATOR'],
  ] as const)('settlingTime(%j, %j) throws %s', (series, options, code) => {
    expect(() => settlingTime(series, options)).toThrow(expect.objectContaining({ code }));
  });
});
