import { assertSample } from './assert-sample';
import { StatsError } from './errors';
import { mean } from './mean';
import { normalizeConfidence } from './run-interval';
import { studentTQuantile, studentTSf } from './student-t';
import { variance } from './variance';

/** Outcome of {@link compareRuns}: the ratio of typical values with its interval and the test's p-value. */
export interface RunComparison {
  /** Ratio of geometric means, a / b (1.23 = a is 23 % higher). */
  readonly ratio: number;
  /** Welch confidence interval of the ratio, at `confidence`. */
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  /** Two-sided p-value of Welch's t-test on log values (H0: equal typical values). */
  readonly pValue: number;
  /** Welch–Satterthwaite degrees of freedom (fractional); Infinity when both variances are 0. */
  readonly df: number;
  readonly nA: number;
  readonly nB: number;
}

/** Options of {@link compareRuns}. */
export interface CompareOptions {
  /** Coverage of the ratio interval, in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

/**
 * Compares the runs of two cells: Welch's unequal-variances t-test (Welch 1947, Biometrika 34)
 * on the logarithms of the run figures, so the effect is a ratio of geometric means and its
 * confidence interval is exp(d ± t(1 − α/2, ν) · se) with d = mean(ln a) − mean(ln b),
 * se = √(s²_a/n_a + s²_b/n_b) and ν the Welch–Satterthwaite degrees of freedom.
 *
 * Why this test: its false-difference rate is at or below α for log-normal runs at every
 * n ≥ 2 per side (checked by seeded simulation in `compare-runs.spec.ts`), and unlike an exact
 * Mann–Whitney test it can reach p < 0.05 with 3 runs per side (Mann–Whitney's smallest
 * two-sided p at 3 vs 3 is 0.1, at 4 vs 4 about 0.029). Use {@link holmAdjust} when one table
 * compares several pairs. Needs at least 2 positive values per side.
 */
export function compareRuns(a: readonly number[], b: readonly number[], options: CompareOptions = {}): RunComparison {
  assertSample(a, 'run comparison (first cell)', 2);
  assertSample(b, 'run comparison (second cell)', 2);
  for (const [what, xs] of [
    ['first', a],
    ['second', b],
  ] as const) {
    if (xs.some((x) => !(x > 0))) throw new StatsError('LAB_STATS_INVALID_OPTION', `run comparison (${what} cell): values must be positive`);
  }
  const confidence = normalizeConfidence(options.confidence);
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const d = mean(la) - mean(lb);
  const wa = variance(la) / a.length;
  const wb = variance(lb) / b.length;
  const se = Math.sqrt(wa + wb);
  const base = { ratio: Math.exp(d), confidence, nA: a.length, nB: b.length };
  if (se === 0) {
    // Every run of each cell identical: any difference is certain, no difference is none.
    return { ...base, low: Math.exp(d), high: Math.exp(d), pValue: d === 0 ? 1 : 0, df: Infinity };
  }
  const df = (wa + wb) ** 2 / (wa ** 2 / (a.length - 1) + wb ** 2 / (b.length - 1));
  const pValue = Math.min(1, 2 * studentTSf(Math.abs(d) / se, df));
  const q = studentTQuantile(1 - (1 - confidence) / 2, df);
  return { ...base, low: Math.exp(d - q * se), high: Math.exp(d + q * se), pValue, df };
}

/**
 * Compares two cells whose runs were interleaved (A B, B A, …), run i of `a` with run i of `b`:
 * Student's paired t-test on the log ratios ln(a_i / b_i), so the effect is the geometric mean
 * of the per-round ratios and its interval exp(d̄ ± t(1 − α/2, n − 1) · s_d / √n). A drift of
 * the host's speed that hits both runs of a round alike cancels in each ratio, so when that
 * common part dominates the run-to-run spread (docs/precision.md measures it with
 * tools/bench/spread-study.ts) this test sees differences that Welch's cannot. Its
 * false-difference rate is α when the log ratios are normal (checked by seeded simulation).
 * Needs at least 2 rounds with positive values, the same number on each side.
 */
export function comparePairedRuns(a: readonly number[], b: readonly number[], options: CompareOptions = {}): RunComparison {
  assertSample(a, 'paired run comparison (first cell)', 2);
  assertSample(b, 'paired run comparison (second cell)', 2);
  if (a.length !== b.length) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `paired run comparison: ${a.length} runs against ${b.length}; pairs need the same number of rounds`);
  }
  if ([...a, ...b].some((x) => !(x > 0))) throw new StatsError('LAB_STATS_INVALID_OPTION', 'paired run comparison: values must be positive');
  const confidence = normalizeConfidence(options.confidence);
  const diffs = a.map((x, i) => Math.log(x) - Math.log(b[i]!));
  const n = diffs.length;
  const d = mean(diffs);
  const se = Math.sqrt(variance(diffs) / n);
  const base = { ratio: Math.exp(d), confidence, nA: n, nB: n, df: n - 1 };
  if (se === 0) return { ...base, low: Math.exp(d), high: Math.exp(d), pValue: d === 0 ? 1 : 0 };
  const pValue = Math.min(1, 2 * studentTSf(Math.abs(d) / se, n - 1));
  const q = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  return { ...base, low: Math.exp(d - q * se), high: Math.exp(d + q * se), pValue };
}

/**
 * Holm's step-down adjustment of p-values for a family of tests (Holm 1979, "A simple
 * sequentially rejective multiple test procedure", Scand. J. Statist. 6): sort ascending,
 * p̃_(i) = max over j ≤ i of min(1, (m − j + 1) · p_(j)). Rejecting every p̃ ≤ α keeps the
 * family-wise error rate at α under any dependence. Returns adjusted values in input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new StatsError('LAB_STATS_INVALID_OPTION', `p-value at index ${i} is ${p}; expected [0, 1]`);
  });
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
