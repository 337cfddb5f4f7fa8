import { StatsError } from './errors';
import { mean } from './mean';
import { standardDeviation } from './variance';

/**
 * Coefficient of variation s / x̄ (sample standard deviation with n − 1 over the mean) as a
 * fraction: 0.05 means 5 %. Same definition as `scipy.stats.variation(x, ddof=1)`; the sign
 * follows the mean. Throws LAB_STATS_SAMPLE_TOO_SMALL (n < 2) or LAB_STATS_ZERO_DENOMINATOR
 * (mean 0).
 */
export function coefficientOfVariation(values: readonly number[]): number {
  const sd = standardDeviation(values);
  const m = mean(values);
  if (m === 0) {
    throw new StatsError('LAB_STATS_ZERO_DENOMINATOR', 'coefficient of variation of a zero-mean sample');
  }
  return sd / m;
}
