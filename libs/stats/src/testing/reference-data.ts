/**
 * Samples and reference values for the tests, computed INDEPENDENTLY of this library with
 * Python 3.11 (statistics module), NumPy 2.4.6 and SciPy 1.17.1 in a throwaway venv:
 *   python3 -m venv /tmp/statsref-venv && /tmp/statsref-venv/bin/pip install scipy numpy
 * Each constant says which call produced it. Test-only; not exported from the index.
 */
import { expect } from 'vitest';

/** Seven throughput-like runs (requests/s). */
export const THROUGHPUT = [10234.5, 9876.2, 10450.1, 10012.9, 9950.3, 10321.7, 10105.4];
/** The textbook five-value sample. */
export const SMALL = [15, 20, 35, 40, 50];

/** Probabilities at which quantiles are checked. */
export const PROBABILITIES = [0, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 1];

/**
 * Descriptive references. Computed with:
 *   python3 -c "import statistics as s; x=[...]; print(s.mean(x), s.median(x), s.variance(x), s.stdev(x))"
 *   numpy.quantile(x, p, method='linear') for p in PROBABILITIES        (Hyndman–Fan type 7)
 *   statistics.quantiles(x, n=4, method='inclusive')                    (quartiles, type 7)
 *   scipy.stats.variation(x, ddof=1)
 *   scipy.stats.median_abs_deviation(x), scipy.stats.median_abs_deviation(x, scale='normal')
 */
export const DESCRIPTIVE = [
  {
    name: 'THROUGHPUT',
    values: THROUGHPUT,
    mean: 10135.871428571429,
    median: 10105.4,
    variance: 43485.98904761913,
    stdev: 208.5329447536267,
    cv: 0.02057375591464244,
    mad: 155.10000000000036,
    madNormal: 229.9516040902194,
    quantiles: [9876.2, 9920.66, 9981.599999999999, 10105.4, 10373.060000000001, 10411.58, 10442.396, 10450.1],
    quartilesInclusive: [9981.599999999999, 10105.4, 10278.1],
  },
  {
    name: 'SMALL',
    values: SMALL,
    mean: 32,
    median: 35,
    variance: 207.5,
    stdev: 14.404860290887934,
    cv: 0.450151884090248,
    mad: 15.0,
    madNormal: 22.239033277584028,
    quantiles: [15.0, 17.0, 20.0, 35.0, 46.0, 48.0, 49.6, 50.0],
    quartilesInclusive: [20.0, 35.0, 40.0],
  },
] as const;

/** Asserts |actual − expected| ≤ rel·|expected| (+ a tiny absolute floor for zero). */
export function expectClose(actual: number, expected: number, rel = 1e-12): void {
  const tolerance = rel * Math.abs(expected) + 1e-300;
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`expected ${actual} to be within ${rel} (relative) of ${expected}`);
  }
}
