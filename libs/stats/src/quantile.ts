import { assertSample, sortedCopy } from './assert-sample';
import { StatsError } from './errors';

/**
 * Sample quantile, Hyndman & Fan (1996) definition 7 — the default of R's `quantile`, NumPy's
 * `quantile(method='linear')` and Python's `statistics.quantiles(method='inclusive')`:
 * with the sorted sample x₀ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)·p,
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). Q(0) is the minimum, Q(1) the maximum.
 *
 * `p` is a probability in [0, 1] (0.99, not 99). Throws LAB_STATS_EMPTY_SAMPLE,
 * LAB_STATS_NON_FINITE or LAB_STATS_INVALID_OPTION.
 */
export function quantile(values: readonly number[], p: number): number {
  assertSample(values, 'quantile');
  assertProbability(p);
  return sortedQuantile(sortedCopy(values), p);
}

/** Several type-7 quantiles of one sample, sorting it once. Same rules as {@link quantile}. */
export function quantiles(values: readonly number[], ps: readonly number[]): number[] {
  assertSample(values, 'quantiles');
  ps.forEach(assertProbability);
  const sorted = sortedCopy(values);
  return ps.map((p) => sortedQuantile(sorted, p));
}

/** Type-7 quantile of an already ascending, non-empty array (no checks). Internal. */
export function sortedQuantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const xLo = sorted[lo]!;
  return xLo + (h - lo) * (sorted[hi]! - xLo);
}

function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `probability must be in [0, 1], got ${p}`);
  }
}
