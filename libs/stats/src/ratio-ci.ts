import { assertSample } from './assert-sample';
import { normalizeBootstrapOptions, percentileBounds, type BootstrapOptions, type ConfidenceInterval } from './bootstrap-ci';
import { StatsError } from './errors';
import { mean } from './mean';
import { median } from './median';
import { randomIndex, type Random } from './random';

/** Options of {@link ratioCi}: the bootstrap options plus which central value to divide. */
export interface RatioOptions extends BootstrapOptions {
  /** Central value of each sample: 'mean' (default) or 'median'. */
  readonly statistic?: 'mean' | 'median';
}

/** A ratio with its confidence interval; `statistic` says which central values were divided. */
export interface RatioInterval extends ConfidenceInterval {
  /** 'mean' → mean(a)/mean(b); 'median' → median(a)/median(b). */
  readonly statistic: 'mean' | 'median';
}

/**
 * Confidence interval of the ratio stat(a) / stat(b) of two INDEPENDENT samples (e.g. the
 * runs of implementation A and of B; 1.23 = "A is 23 % higher"). Method: two-sample
 * percentile bootstrap (Efron & Tibshirani 1993, §13.3 and ch. 8.3 on two-sample problems):
 * each resample redraws a and b separately with replacement, computes stat(a*) / stat(b*),
 * and the (1 ∓ c)/2 type-7 quantiles of those ratios are the bounds. `stat` is the mean by
 * default, the median with `statistic: 'median'`.
 *
 * Deterministic for a given seed. Needs n ≥ 2 in each sample; throws
 * LAB_STATS_ZERO_DENOMINATOR if stat(b) or any resampled denominator is 0.
 */
export function ratioCi(a: readonly number[], b: readonly number[], options: RatioOptions): RatioInterval {
  assertSample(a, 'ratio numerator', 2);
  assertSample(b, 'ratio denominator', 2);
  const statisticName = options.statistic ?? 'mean';
  const stat = statisticName === 'median' ? median : mean;
  const { confidence, resamples, random } = normalizeBootstrapOptions(options);
  const ratio = (num: number, den: number): number => {
    if (den === 0) throw new StatsError('LAB_STATS_ZERO_DENOMINATOR', `ratio with a zero ${statisticName} denominator`);
    return num / den;
  };
  const estimate = ratio(stat(a), stat(b));
  const draws = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) {
    draws[r] = ratio(stat(redraw(a, random)), stat(redraw(b, random)));
  }
  return { estimate, ...percentileBounds(draws, confidence), confidence, resamples, statistic: statisticName };
}

function redraw(sample: readonly number[], random: Random): number[] {
  const out = new Array<number>(sample.length);
  for (let i = 0; i < sample.length; i++) out[i] = sample[randomIndex(random, sample.length)]!;
  return out;
}
