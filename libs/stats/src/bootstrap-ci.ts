import { assertSample } from './assert-sample';
import { StatsError } from './errors';
import { createRandom, randomIndex, type Random } from './random';
import { sortedQuantile } from './quantile';

/** A point estimate with its confidence interval, as produced by {@link bootstrapCi}. */
export interface ConfidenceInterval {
  /** The statistic on the original sample(s). */
  readonly estimate: number;
  /** Lower bound, same units as the estimate. */
  readonly low: number;
  /** Upper bound, same units as the estimate. */
  readonly high: number;
  /** Nominal coverage, e.g. 0.95. */
  readonly confidence: number;
  /** Number of bootstrap resamples the bounds come from. */
  readonly resamples: number;
}

/** Options of {@link bootstrapCi} and {@link ratioCi}. */
export interface BootstrapOptions {
  /** Nominal coverage in (0, 1). Default 0.95. */
  readonly confidence?: number;
  /** Number of bootstrap resamples, an integer ≥ 100. Default 10 000. */
  readonly resamples?: number;
  /** Integer seed of the PRNG ({@link createRandom}); required so results are reproducible. */
  readonly seed: number;
}

/** A statistic of one sample, e.g. {@link mean} or {@link median}. Must not keep `sample`. */
export type Statistic = (sample: readonly number[]) => number;

/** Defaults of {@link BootstrapOptions}, in one place. */
export const BOOTSTRAP_DEFAULTS = { confidence: 0.95, resamples: 10_000 } as const;

/**
 * Percentile-bootstrap confidence interval of `statistic` (Efron & Tibshirani 1993, An
 * Introduction to the Bootstrap, §13.3): draw `resamples` samples of size n with replacement,
 * compute the statistic on each, and take the (1 − c)/2 and (1 + c)/2 type-7 quantiles of
 * those values as `low` and `high`. `estimate` is the statistic of the original sample.
 *
 * Deterministic for a given `seed`. Needs n ≥ 2 (LAB_STATS_SAMPLE_TOO_SMALL); note that the
 * percentile interval under-covers for very small n (about 0.90 at n = 5 for a mean).
 */
export function bootstrapCi(sample: readonly number[], statistic: Statistic, options: BootstrapOptions): ConfidenceInterval {
  assertSample(sample, 'bootstrap confidence interval', 2);
  const { confidence, resamples, random } = normalizeBootstrapOptions(options);
  const estimate = statistic(sample);
  const draws = new Array<number>(resamples);
  const resample = new Array<number>(sample.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < sample.length; i++) resample[i] = sample[randomIndex(random, sample.length)]!;
    draws[r] = statistic(resample);
  }
  return { estimate, ...percentileBounds(draws, confidence), confidence, resamples };
}

/** Validated bootstrap options with defaults applied and the PRNG created. Internal. */
export function normalizeBootstrapOptions(options: BootstrapOptions): {
  confidence: number;
  resamples: number;
  random: Random;
} {
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  if (!(confidence > 0 && confidence < 1)) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `confidence must be in (0, 1), got ${confidence}`);
  }
  if (!Number.isInteger(resamples) || resamples < 100) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `resamples must be an integer >= 100, got ${resamples}`);
  }
  return { confidence, resamples, random: createRandom(options.seed) };
}

/** The (1 − c)/2 and (1 + c)/2 type-7 quantiles of bootstrap draws (sorted in place). Internal. */
export function percentileBounds(draws: number[], confidence: number): { low: number; high: number } {
  if (draws.some((d) => Number.isNaN(d))) {
    throw new StatsError('LAB_STATS_NON_FINITE', 'the statistic returned NaN on a resample');
  }
  draws.sort((a, b) => a - b);
  const alpha = 1 - confidence;
  return { low: sortedQuantile(draws, alpha / 2), high: sortedQuantile(draws, 1 - alpha / 2) };
}
