import { REPORTED_PERCENTILES, type DriverResult, type MetricBucket } from '@lab/engine';
import { encodeHistogram, mergeHistograms } from '@lab/results';
import { median } from '@lab/stats';

/**
 * Pools several runs of one cell into one `DriverResult`, so thresholds are judged on all the
 * measured traffic: counts add up, latency comes from the MERGED HDR histograms (never from
 * averaged percentiles). Buckets without histograms (wrk) cannot be pooled: then the run with
 * the median rate stands for the cell. Custom trends are taken from that median run too.
 */
export function mergeDriverResults(results: readonly DriverResult[]): DriverResult {
  if (results.length === 0) throw new Error('mergeDriverResults needs at least one result');
  const rates = results.map((r) => r.ratePerSec);
  const mid = median(rates);
  const medianRun = results.reduce((best, r) => (Math.abs(r.ratePerSec - mid) < Math.abs(best.ratePerSec - mid) ? r : best));
  if (results.some((r) => !r.overall.histogram)) return medianRun;

  const durationMs = results.reduce((sum, r) => sum + r.durationMs, 0);
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const checks: DriverResult['checks'] = {};
  for (const r of results) {
    for (const [name, c] of Object.entries(r.checks)) {
      const into = (checks[name] ??= { passed: 0, failed: 0 });
      into.passed += c.passed;
      into.failed += c.failed;
    }
  }
  const errors = { ...results[0]!.errors };
  for (const r of results.slice(1)) for (const k of Object.keys(errors) as (keyof typeof errors)[]) errors[k] += r.errors[k];
  return {
    ...medianRun,
    durationMs,
    requests,
    ratePerSec: durationMs > 0 ? requests / (durationMs / 1000) : 0,
    errors,
    checks,
    overall: mergeBuckets(results.map((r) => r.overall)),
    groups: mergeKeyed(results.map((r) => r.groups)),
    endpoints: mergeKeyed(results.map((r) => r.endpoints)),
  };
}

function mergeKeyed(maps: readonly Record<string, MetricBucket>[]): Record<string, MetricBucket> {
  const keys = [...new Set(maps.flatMap((m) => Object.keys(m)))];
  return Object.fromEntries(keys.map((k) => [k, mergeBuckets(maps.flatMap((m) => (m[k] ? [m[k]] : [])))]));
}

/** Adds the buckets' counts and merges their histograms; latency figures are read from the merge. */
export function mergeBuckets(buckets: readonly MetricBucket[]): MetricBucket {
  const requests = buckets.reduce((sum, b) => sum + b.requests, 0);
  const errors = buckets.reduce((sum, b) => sum + b.errors, 0);
  const histograms = buckets.flatMap((b) => (b.histogram ? [b.histogram] : []));
  const merged = mergeHistograms(histograms);
  const count = merged.totalCount;
  const percentilesUs = Object.fromEntries(REPORTED_PERCENTILES.map((p) => [String(p), count ? merged.getValueAtPercentile(p) : 0]));
  return {
    requests,
    errors,
    latency: {
      count,
      minUs: count ? merged.minNonZeroValue : 0,
      maxUs: count ? merged.maxValue : 0,
      meanUs: count ? merged.mean : 0,
      stdevUs: count ? merged.stdDeviation : 0,
      percentilesUs,
    },
    histogram: encodeHistogram(merged),
  };
}
