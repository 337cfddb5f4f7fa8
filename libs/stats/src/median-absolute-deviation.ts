import { assertSample, sortedCopy } from './assert-sample';
import { StatsError } from './errors';
import { sortedMedian } from './median';

/**
 * Scale factor that makes the MAD a consistent estimator of σ for normal data:
 * 1 / Φ⁻¹(3/4) ≈ 1.4826 (the value `scipy.stats.median_abs_deviation(scale='normal')` uses).
 */
export const MAD_NORMAL_SCALE = 1.482602218505602;

/** Options of {@link medianAbsoluteDeviation}. */
export interface MadOptions {
  /**
   * Multiplier of the raw MAD: a positive number, or 'normal' for {@link MAD_NORMAL_SCALE}.
   * Default 1 (raw MAD, same units as the values).
   */
  readonly scale?: number | 'normal';
}

/**
 * Median absolute deviation (Hampel 1974): median(|xᵢ − median(x)|) × scale, medians as in
 * {@link median}. Robust dispersion for samples with outlier runs. Same definition as
 * `scipy.stats.median_abs_deviation`. Throws LAB_STATS_EMPTY_SAMPLE on [].
 */
export function medianAbsoluteDeviation(values: readonly number[], options: MadOptions = {}): number {
  assertSample(values, 'median absolute deviation');
  const scale = options.scale === 'normal' ? MAD_NORMAL_SCALE : (options.scale ?? 1);
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `MAD scale must be a positive number, got ${scale}`);
  }
  const centre = sortedMedian(sortedCopy(values));
  return sortedMedian(sortedCopy(values.map((x) => Math.abs(x - centre)))) * scale;
}
