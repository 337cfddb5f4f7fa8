import type { Histogram } from 'hdr-histogram-js';
import { ResultsError } from './errors';
import { decodeHistogram } from './histogram';
import type { PercentilesUs } from './outcome-schema';

/**
 * The result file's latency percentiles (p50, p90, p95, p99, p99.9 and max, microseconds) of
 * a histogram — pass the MERGED one. HdrHistogram semantics (Tene): the value at percentile
 * q is the highest value equivalent (within the 3-digit resolution) to the smallest recorded
 * value v such that at least round(q/100 · n) recorded values are ≤ v; `max` is likewise the
 * top of the largest value's bucket, so a histogram and its decoded copy agree. Accepts an
 * encoded string too. Throws LAB_HISTOGRAM_EMPTY when nothing was recorded.
 */
export function percentilesFromHistogram(histogram: Histogram | string): PercentilesUs {
  const h = typeof histogram === 'string' ? decodeHistogram(histogram) : histogram;
  if (h.totalCount === 0) {
    throw new ResultsError('LAB_HISTOGRAM_EMPTY', 'percentiles of an empty histogram');
  }
  return {
    p50: h.getValueAtPercentile(50),
    p90: h.getValueAtPercentile(90),
    p95: h.getValueAtPercentile(95),
    p99: h.getValueAtPercentile(99),
    p999: h.getValueAtPercentile(99.9),
    max: h.getValueAtPercentile(100),
  };
}
