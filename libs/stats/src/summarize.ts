import { assertSample, sortedCopy } from './assert-sample';
import { mean } from './mean';
import { sortedMedian } from './median';
import { medianAbsoluteDeviation } from './median-absolute-deviation';
import { standardDeviation } from './variance';

/** Descriptive summary of one sample, in the units of its values (cv is a fraction). */
export interface SampleSummary {
  /** Number of values. */
  readonly n: number;
  /** Arithmetic mean ({@link mean}). */
  readonly mean: number;
  /** Median ({@link median}). */
  readonly median: number;
  /** Sample standard deviation (n − 1); null when n < 2, where it is undefined. */
  readonly stdev: number | null;
  /** stdev / mean as a fraction; null when n < 2 or the mean is 0. */
  readonly cv: number | null;
  /** Raw median absolute deviation ({@link medianAbsoluteDeviation}, scale 1). */
  readonly mad: number;
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
}

/**
 * Descriptive statistics of a sample in one pass over a sorted copy: n, mean (compensated
 * sum), median, sample standard deviation and coefficient of variation with Bessel's n − 1
 * correction, raw MAD, min and max. Undefined figures are null rather than NaN so the
 * summary serialises to JSON faithfully. Throws LAB_STATS_EMPTY_SAMPLE on [].
 */
export function summarize(values: readonly number[]): SampleSummary {
  assertSample(values, 'summary');
  const sorted = sortedCopy(values);
  const m = mean(values);
  const stdev = values.length >= 2 ? standardDeviation(values) : null;
  return {
    n: values.length,
    mean: m,
    median: sortedMedian(sorted),
    stdev,
    cv: stdev === null || m === 0 ? null : stdev / m,
    mad: medianAbsoluteDeviation(values),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}
