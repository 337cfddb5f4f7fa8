import { describe, expect, it } from 'vitest';
import { bootstrapCi } from './bootstrap-ci';
import { mean } from './mean';
import { median } from './median';
import { standardDeviation } from './variance';
import { normalSample } from './testing/normal-sample';
import { THROUGHPUT } from './testing/reference-data';

describe('bootstrapCi (percentile bootstrap)', () => {
  it('is deterministic for a seed and changes with it', () => {
    const first = bootstrapCi(THROUGHPUT, median, { seed: 11 });
    expect(bootstrapCi(THROUGHPUT, median, { seed: 11 })).toEqual(first);
    expect(bootstrapCi(THROUGHPUT, mean, { seed: 12 })).not.toEqual(bootstrapCi(THROUGHPUT, mean, { seed: 11 }));
  });

  it('reports the estimate on the original sample, the defaults and ordered bounds', () => {
    const ci = bootstrapCi(THROUGHPUT, mean, { seed: 1 });
    expect(ci.estimate).toBe(mean(THROUGHPUT));
    expect(ci.confidence).toBe(0.95);
    expect(ci.resamples).toBe(10_000);
    expect(ci.low).toBeLessThan(ci.estimate);
    expect(ci.high).toBeGreaterThan(ci.estimate);
    expect(ci.low).toBeGreaterThanOrEqual(Math.min(...THROUGHPUT));
    expect(ci.high).toBeLessThanOrEqual(Math.max(...THROUGHPUT));
  });

  it('narrows when the confidence drops', () => {
    const wide = bootstrapCi(THROUGHPUT, mean, { seed: 2, confidence: 0.99 });
    const narrow = bootstrapCi(THROUGHPUT, mean, { seed: 2, confidence: 0.8 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('agrees with the normal-theory interval x̄ ± 1.96·s/√n for a large normal sample', () => {
    // For n = 400 the bootstrap distribution of the mean is close to normal (CLT), so the
    // bounds must sit within 5 % of the analytic half-width.
    const xs = normalSample(400, 1000, 50, 99);
    const ci = bootstrapCi(xs, mean, { seed: 5 });
    const halfWidth = (1.959963984540054 * standardDeviation(xs)) / Math.sqrt(xs.length);
    expect(Math.abs(ci.estimate - halfWidth - ci.low)).toBeLessThan(0.05 * halfWidth);
    expect(Math.abs(ci.estimate + halfWidth - ci.high)).toBeLessThan(0.05 * halfWidth);
  });

  it('covers the true mean of N(100, 10²) in about 95 % of 400 samples of 30', () => {
    // Percentile intervals under-cover slightly for small n (≈ 0.93–0.94 at n = 30).
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const ci = bootstrapCi(normalSample(30, 100, 10, 1000 + t), mean, { seed: t, resamples: 1000 });
      if (ci.low <= 100 && 100 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it.each([
    [{ seed: 1, confidence: 1 }, 'LAB_STATS_INVALID_OPTION'],
    [{ seed: 1, confidence: 0 }, 'LAB_STATS_INVALID_OPTION'],
    [{ seed: 1, resamples: 10 }, 'LAB_STATS_INVALID_OPTION'],
    [{ seed: 0.5 }, 'LAB_STATS_INVALID_OPTION'],
  ])('rejects options %j', (options, code) => {
    expect(() => bootstrapCi(THROUGHPUT, mean, options)).toThrow(expect.objectContaining({ code }));
  });

  it('needs at least two values', () => {
    expect(() => bootstrapCi([1], mean, { seed: 1 })).toThrow(expect.objectContaining({ code: 'LAB_STATS_SAMPLE_TOO_SMALL' }));
  });
});
