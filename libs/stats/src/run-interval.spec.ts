import { describe, expect, it } from 'vitest';
import { bootstrapCi } from './bootstrap-ci';
import { median } from './median';
import { describeInterval, runInterval } from './run-interval';
import { expectClose } from './testing/reference-data';
import { RUN_MODELS, simulate } from './testing/run-models';
import { LOG_T_CASES } from './testing/t-reference';

/** The run counts the presets use (suite 3, standard 3–10). */
const RUN_COUNTS = [3, 4, 5, 6, 8, 10] as const;
const TRIALS = 4000;

describe('runInterval (t interval on log run figures)', () => {
  it.each(LOG_T_CASES)('matches scipy.stats.ttest_1samp on the logs ($values.length runs)', (c) => {
    const ci95 = runInterval(c.values);
    expect(ci95.kind).toBe('ci');
    expectClose(ci95.estimate, c.estimate, 1e-12);
    expectClose(ci95.low, c.ci95[0], 1e-9);
    expectClose(ci95.high, c.ci95[1], 1e-9);
    const ci90 = runInterval(c.values, { confidence: 0.9 });
    expectClose(ci90.low, c.ci90[0], 1e-9);
    expectClose(ci90.high, c.ci90[1], 1e-9);
  });

  it('gives two runs a range, not a CI, and one run no interval', () => {
    const two = runInterval([100, 110]);
    expect(two).toMatchObject({ kind: 'range', low: 100, high: 110, n: 2 });
    expect(describeInterval(two)).toBe('2 runs: range, not a CI');
    const one = runInterval([100]);
    expect(one).toEqual({ kind: 'none', estimate: 100, low: 100, high: 100, n: 1 });
    expect(describeInterval(one)).toBe('1 run: no interval');
    expect(describeInterval(runInterval([1, 2, 3]))).toBe('95 % CI');
  });

  it('rejects values a log cannot take', () => {
    expect(() => runInterval([10, 0, 12])).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
    expect(() => runInterval([])).toThrow(expect.objectContaining({ code: 'LAB_STATS_EMPTY_SAMPLE' }));
  });

  describe.each(RUN_MODELS)('coverage of the truth, $name', (model) => {
    const drift = model.name.startsWith('drifting');
    it.each(RUN_COUNTS)('is within a few points of 95 %% at n = %d', (n) => {
      const coverage = simulate(1000 + n, TRIALS, (random) => {
        const ci = runInterval(model.draw(n, random));
        return ci.low <= model.truth && model.truth <= ci.high;
      });
      // Monte-Carlo standard error at 4,000 trials is 0.34 points. A drift inflates the run
      // scatter, so the interval may only err towards over-coverage there.
      expect(coverage).toBeGreaterThanOrEqual(0.93);
      if (!drift) expect(coverage).toBeLessThanOrEqual(0.97);
    });
  });

  it('replaces a method that over-claimed: the percentile bootstrap of the median of 3 runs covers far less than 95 %', () => {
    const model = RUN_MODELS[0]!;
    const coverage = simulate(7, 300, (random) => {
      const ci = bootstrapCi(model.draw(3, random), median, { seed: 1, resamples: 500 });
      return ci.low <= model.truth && model.truth <= ci.high;
    });
    expect(coverage).toBeLessThan(0.85);
  });
});
