import { describe, expect, it } from 'vitest';
import { mean } from './mean';
import { median } from './median';
import { ratioCi } from './ratio-ci';
import { normalSample } from './testing/normal-sample';

describe('ratioCi (two-sample percentile bootstrap of stat(a)/stat(b))', () => {
  const a = normalSample(12, 110, 5, 1);
  const b = normalSample(12, 100, 5, 2);

  it('estimates mean(a)/mean(b) by default and median ratio on request', () => {
    expect(ratioCi(a, b, { seed: 3 })).toMatchObject({ statistic: 'mean', estimate: mean(a) / mean(b) });
    expect(ratioCi(a, b, { seed: 3, statistic: 'median' })).toMatchObject({
      statistic: 'median',
      estimate: median(a) / median(b),
    });
  });

  it('is deterministic for a seed', () => {
    expect(ratioCi(a, b, { seed: 4 })).toEqual(ratioCi(a, b, { seed: 4 }));
  });

  it('brackets the estimate and inverts when the samples swap', () => {
    const ab = ratioCi(a, b, { seed: 5 });
    const ba = ratioCi(b, a, { seed: 5 });
    expect(ab.low).toBeLessThan(ab.estimate);
    expect(ab.high).toBeGreaterThan(ab.estimate);
    expect(ba.estimate).toBeCloseTo(1 / ab.estimate, 12);
  });

  it('covers the true ratio 1.1 in about 95 % of 300 pairs of samples of 15', () => {
    let covered = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const x = normalSample(15, 110, 5, 10_000 + t);
      const y = normalSample(15, 100, 5, 20_000 + t);
      const ci = ratioCi(x, y, { seed: t, resamples: 1000 });
      if (ci.low <= 1.1 && 1.1 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it('throws LAB_STATS_ZERO_DENOMINATOR when the denominator is 0', () => {
    expect(() => ratioCi([1, 2], [0, 0], { seed: 1 })).toThrow(expect.objectContaining({ code: 'LAB_STATS_ZERO_DENOMINATOR' }));
  });
});
