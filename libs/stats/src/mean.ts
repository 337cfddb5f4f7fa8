import { assertSample } from './assert-sample';

/**
 * Arithmetic mean Σx / n, summed with Neumaier's compensated summation (Neumaier 1974) so
 * long samples of similar magnitudes lose no precision. Throws LAB_STATS_EMPTY_SAMPLE on [].
 */
export function mean(values: readonly number[]): number {
  assertSample(values, 'mean');
  let sum = 0;
  let compensation = 0;
  for (const x of values) {
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}
