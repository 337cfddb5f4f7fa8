import { describe, expect, it } from 'vitest';
import { comparePairedRuns, compareRuns, holmAdjust } from './compare-runs';
import { expectClose } from './testing/reference-data';
import { RUN_MODELS, simulate } from './testing/run-models';
import { HOLM_CASE, WELCH_CASES } from './testing/t-reference';

const RUN_COUNTS = [3, 4, 5, 8, 10] as const;
const TRIALS = 4000;
const ALPHA = 0.05;
/** Allowance for Monte-Carlo error: 3 standard errors of a 5 % rate over 4,000 trials. */
const MC_SLACK = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / TRIALS);

describe('compareRuns (Welch t-test on log run figures)', () => {
  it.each(WELCH_CASES)('matches scipy.stats.ttest_ind(equal_var=False) on the logs (%#)', (c) => {
    const r = compareRuns(c.a, c.b, { confidence: c.confidence });
    expectClose(r.pValue, c.pValue, 1e-8);
    expectClose(r.df, c.df, 1e-10);
    expectClose(r.ratio, c.ratio, 1e-12);
    expectClose(r.low, c.low, 1e-8);
    expectClose(r.high, c.high, 1e-8);
  });

  it('is certain when every run of each cell is identical', () => {
    expect(compareRuns([100, 100], [100, 100]).pValue).toBe(1);
    expect(compareRuns([100, 100], [90, 90]).pValue).toBe(0);
  });

  it('needs two positive runs per side', () => {
    expect(() => compareRuns([100], [90, 91])).toThrow(expect.objectContaining({ code: 'LAB_STATS_SAMPLE_TOO_SMALL' }));
    expect(() => compareRuns([100, -1], [90, 91])).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });

  describe.each(RUN_MODELS)('false-difference rate for two cells with the same distribution, $name', (model) => {
    it.each(RUN_COUNTS)('is at most 5 %% at n = %d per cell', (n) => {
      // Interleaved cells (A B A B …) share the session's drift position by position.
      const rate = simulate(2000 + n, TRIALS, (random) => {
        const a = model.draw(n, random, (i) => (2 * i) / (2 * n - 1));
        const b = model.draw(n, random, (i) => (2 * i + 1) / (2 * n - 1));
        return compareRuns(a, b).pValue < ALPHA;
      });
      expect(rate).toBeLessThanOrEqual(ALPHA + MC_SLACK);
    });
  });

  it('detects a real 15 % difference at 3 runs per cell with 3 % scatter (the rule is not simply conservative)', () => {
    const model = RUN_MODELS[1]!;
    const power = simulate(3, 1000, (random) => {
      const a = model.draw(3, random).map((x) => x * 1.15);
      return compareRuns(a, model.draw(3, random)).pValue < ALPHA;
    });
    expect(power).toBeGreaterThan(0.8);
  });

  it('has a ratio interval that covers the true ratio about 95 % of the time', () => {
    const model = RUN_MODELS[2]!;
    const coverage = simulate(4, TRIALS, (random) => {
      const r = compareRuns(
        model.draw(4, random).map((x) => x * 1.25),
        model.draw(5, random),
      );
      return r.low <= 1.25 && 1.25 <= r.high;
    });
    expect(coverage).toBeGreaterThanOrEqual(0.94);
    expect(coverage).toBeLessThanOrEqual(0.97);
  });
});

describe('holmAdjust', () => {
  it('matches the step-down definition', () => {
    holmAdjust(HOLM_CASE.p).forEach((p, i) => {
      expectClose(p, HOLM_CASE.adjusted[i]!, 1e-12);
    });
  });

  it('keeps the family-wise false-difference rate of a 7-cell table at or below 5 %', () => {
    const model = RUN_MODELS[0]!;
    const cells = 7;
    const rate = simulate(5, 1000, (random) => {
      const runs = Array.from({ length: cells }, () => model.draw(3, random));
      const p: number[] = [];
      for (let i = 0; i < cells; i++) for (let j = i + 1; j < cells; j++) p.push(compareRuns(runs[i]!, runs[j]!).pValue);
      return holmAdjust(p).some((x) => x < ALPHA);
    });
    expect(rate).toBeLessThanOrEqual(ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / 1000));
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => holmAdjust([0.2, 1.5])).toThrow(expect.objectContaining({ code: 'LAB_STATS_INVALID_OPTION' }));
  });
});

describe('comparePairedRuns (paired t-test on the log ratios of interleaved runs)', () => {
  // Reference: scipy.stats.ttest_rel(np.log(a), np.log(b)) and exp(d̄ ± t·s_d/√n).
  it.each([
    {
      a: [1180, 1212, 1195, 1230, 1204],
      b: [1150, 1190, 1160, 1201, 1188],
      confidence: 0.95,
      pValue: 0.00150555227294189,
      ratio: 1.0224554127021641,
      low: 1.0143362718121212,
      high: 1.0306395423445807,
    },
    {
      a: [250.1, 255.3, 249.8],
      b: [251.0, 252.2, 250.9],
      confidence: 0.9,
      pValue: 0.8186640156728738,
      ratio: 1.001411309557147,
      low: 0.9857212317597029,
      high: 1.0173511319409492,
    },
  ])('matches scipy (%#)', (c) => {
    const r = comparePairedRuns(c.a, c.b, { confidence: c.confidence });
    expectClose(r.pValue, c.pValue, 1e-8);
    expectClose(r.ratio, c.ratio, 1e-12);
    expectClose(r.low, c.low, 1e-8);
    expectClose(r.high, c.high, 1e-8);
    expect(r.df).toBe(c.a.length - 1);
  });

  it('needs rounds with a run of each cell', () => {
    expect(() => comparePairedRuns([100, 101, 102], [100, 101])).toThrow(/same number of rounds/);
    expect(() => comparePairedRuns([100], [100])).toThrow(expect.objectContaining({ code: 'LAB_STATS_SAMPLE_TOO_SMALL' }));
  });

  describe.each(RUN_MODELS)('false-difference rate for two interleaved cells with the same distribution, $name', (model) => {
    it.each(RUN_COUNTS)('n = %d rounds in the order A B, B A, A B, …: at most 5 percent', (n) => {
      // Counterbalanced, as runInterleaved orders the runs: a steady drift then favours neither cell.
      const first = (i: number) => (2 * i) / (2 * n - 1);
      const second = (i: number) => (2 * i + 1) / (2 * n - 1);
      const rate = simulate(3000 + n, TRIALS, (random) => {
        const a = model.draw(n, random, (i) => (i % 2 === 0 ? first(i) : second(i)));
        const b = model.draw(n, random, (i) => (i % 2 === 0 ? second(i) : first(i)));
        return comparePairedRuns(a, b).pValue < ALPHA;
      });
      expect(rate).toBeLessThanOrEqual(ALPHA + MC_SLACK);
    });
  });

  it('sees a 3 % difference that a shared drift hides from Welch', () => {
    // Each round's level moves by σ 5 % for both cells (the host), each run adds σ 0.5 % of its own.
    const draw = (random: () => number, n: number): [number[], number[]] => {
      const g = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < n; i++) {
        const level = 0.05 * g();
        a.push(1.03 * Math.exp(level + 0.005 * g()));
        b.push(Math.exp(level + 0.005 * g()));
      }
      return [a, b];
    };
    const paired = simulate(41, 1000, (random) => comparePairedRuns(...draw(random, 5)).pValue < ALPHA);
    const welch = simulate(41, 1000, (random) => compareRuns(...draw(random, 5)).pValue < ALPHA);
    expect(paired).toBeGreaterThan(0.9);
    expect(welch).toBeLessThan(0.3);
  });
});
