import { assertSample, sortedCopy } from './assert-sample';

/**
 * Sample median: the middle order statistic, or the mean of the two middle ones for an even
 * count (equals Hyndman–Fan type 7 `quantile(values, 0.5)`, and Python's
 * `statistics.median`). Throws LAB_STATS_EMPTY_SAMPLE on [].
 */
export function median(values: readonly number[]): number {
  assertSample(values, 'median');
  return sortedMedian(sortedCopy(values));
}

/** Median of an already ascending array (no checks, no copy). Internal. */
export function sortedMedian(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
