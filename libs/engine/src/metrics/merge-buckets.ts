import * as hdr from 'hdr-histogram-js';
import type { MetricBucket } from '../drivers/driver-result';
import { createHistogram, summarize } from './recorder';

/**
 * Adds the buckets' counts and merges their HDR histograms, the way to pool runs, workers or a
 * sweep's steps: latency figures are read from the merge, never averaged. Buckets without a
 * histogram (wrk) add their counts only.
 */
export function mergeBuckets(buckets: readonly MetricBucket[]): MetricBucket {
  const merged = createHistogram();
  for (const b of buckets) {
    if (!b.histogram) continue;
    const h = hdr.decodeFromCompressedBase64(b.histogram, 32, false);
    merged.add(h);
    h.destroy();
  }
  try {
    return {
      requests: buckets.reduce((sum, b) => sum + b.requests, 0),
      errors: buckets.reduce((sum, b) => sum + b.errors, 0),
      latency: summarize(merged),
      histogram: hdr.encodeIntoCompressedBase64(merged),
    };
  } finally {
    merged.destroy();
  }
}

/** {@link mergeBuckets} key by key (endpoints, groups): a key present in some maps only merges what they have. */
export function mergeKeyedBuckets(maps: readonly Record<string, MetricBucket>[]): Record<string, MetricBucket> {
  const keys = [...new Set(maps.flatMap((m) => Object.keys(m)))];
  return Object.fromEntries(keys.map((k) => [k, mergeBuckets(maps.flatMap((m) => (m[k] ? [m[k]] : [])))]));
}
