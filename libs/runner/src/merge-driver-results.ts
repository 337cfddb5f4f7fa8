import { type DriverResult, mergeBuckets, mergeKeyedBuckets } from '@lab/engine';
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
    groups: mergeKeyedBuckets(results.map((r) => r.groups)),
    endpoints: mergeKeyedBuckets(results.map((r) => r.endpoints)),
  };
}
