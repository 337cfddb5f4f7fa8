import { assertSample } from './assert-sample';
import { mean } from './mean';

/**
 * Unbiased sample variance s² = Σ(x − x̄)² / (n − 1) (Bessel's correction), by the two-pass
 * algorithm with the compensating term of Chan, Golub & LeVeque (1983) — the mean first,
 * then squared deviations — which avoids the cancellation of the one-pass Σx² formula.
 * Throws LAB_STATS_SAMPLE_TOO_SMALL for fewer than two values.
 */
export function variance(values: readonly number[]): number {
  assertSample(values, 'variance', 2);
  const m = mean(values);
  let squares = 0;
  let deviations = 0;
  for (const x of values) {
    const d = x - m;
    squares += d * d;
    deviations += d;
  }
  return (squares - (deviations * deviations) / values.length) / (values.length - 1);
}

/**
 * Sample standard deviation s = √(sample variance), n − 1 denominator (see {@link variance}).
 * Same units as the values. Throws LAB_STATS_SAMPLE_TOO_SMALL for fewer than two values.
 */
export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}
