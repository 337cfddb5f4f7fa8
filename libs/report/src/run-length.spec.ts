import { standardDeviation, studentTQuantile } from '@lab/stats';
import { describe, expect, it } from 'vitest';
import { projectedHalfWidth, runLengthStudy, runsFor } from './run-length';
import { fixtureWithRates } from './testing/fixtures';

const constant = (rate: number, seconds = 20) => Array.from({ length: seconds }, () => rate);

describe('runLengthStudy', () => {
  it('takes each run at each length from the first seconds of its timeline and projects the t interval on their log rates', async () => {
    const rates = [100, 110, 90, 105, 95];
    const study = runLengthStudy(await fixtureWithRates(rates.map((r) => constant(r))));
    const s = standardDeviation(rates.map(Math.log));
    expect(study?.runs).toBe(5);
    expect(study?.lengths.map((l) => l.seconds)).toEqual([5, 10, 20]);
    for (const length of study!.lengths) {
      expect(length.sdLog).toBeCloseTo(s, 12);
      expect(length.ratePerSec).toBeCloseTo(Math.exp(rates.map(Math.log).reduce((a, b) => a + b) / 5), 9);
      const at5 = length.halfWidthAt.find((h) => h.runs === 5)!;
      expect(at5.halfWidth).toBeCloseTo(Math.expm1((studentTQuantile(0.975, 4) * s) / Math.sqrt(5)), 12);
    }
  });

  it('shows noise that longer runs average out: a 5-second difference between runs weighs less over 20 seconds', async () => {
    const runs = [-2, -1, 0, 1, 2].map((k) => [...constant(1000 + 50 * k, 5), ...constant(1000, 15)]);
    const [five, ten, twenty] = runLengthStudy(await fixtureWithRates(runs))!.lengths;
    expect(five!.sdLog).toBeGreaterThan(ten!.sdLog);
    expect(ten!.sdLog).toBeGreaterThan(twenty!.sdLog);
    expect(twenty!.sdLog / five!.sdLog).toBeCloseTo(0.25, 2);
  });

  it('separates a steady drift from run to run from the runs’ own scatter', async () => {
    const study = runLengthStudy(await fixtureWithRates([0, 1, 2, 3, 4].map((i) => constant(1000 * 1.01 ** i))))!;
    const [length] = study.lengths;
    expect(length!.driftPerRun).toBeCloseTo(0.01, 6);
    expect(length!.sdLogDetrended).toBeLessThan(1e-9);
    expect(length!.sdLog).toBeGreaterThan(0.01);
  });

  it('leaves out lengths some run does not cover, and is null below 3 runs with a timeline', async () => {
    const short = runLengthStudy(await fixtureWithRates([constant(100, 12), constant(101, 12), constant(99, 10)]));
    expect(short?.lengths.map((l) => l.seconds)).toEqual([5, 10]);
    expect(short?.runs).toBe(3);
    expect(runLengthStudy(await fixtureWithRates([constant(100), constant(101), null, null, null]))).toBeNull();
    expect(runLengthStudy(await fixtureWithRates([constant(100, 4), constant(101, 4), constant(99, 4)]))).toBeNull();
  });

  it('prices each extra run as the median time between one run’s end and the next one’s start', async () => {
    const result = await fixtureWithRates([100, 101, 99, 100, 102].map((r) => constant(r)));
    const starts = [0, 28_000, 56_500, 84_000, 112_000];
    result.runs.forEach((run, i) => {
      run.startedAt = new Date(Date.UTC(2026, 11, 5) + starts[i]!).toISOString();
      run.durationMs = 20_000;
    });
    expect(runLengthStudy(result)?.overheadPerRunMs).toBe(8_000);
  });
});

describe('runsFor', () => {
  it('is the fewest runs (3 at least) whose projected half-width meets the target, null when out of reach', () => {
    // The two cells measured for docs/precision.md: s = 0.0134 → 5 runs, s = 0.0297 → 12 runs for ±2 %.
    expect(runsFor(0.0134, 0.02)).toBe(5);
    expect(runsFor(0.0297, 0.02)).toBe(12);
    expect(runsFor(0.001, 0.02)).toBe(3);
    expect(runsFor(0.5, 0.02)).toBeNull();
    const n = runsFor(0.08, 0.05)!;
    expect(projectedHalfWidth(0.08, n)).toBeLessThanOrEqual(0.05);
    expect(projectedHalfWidth(0.08, n - 1)).toBeGreaterThan(0.05);
  });
});
