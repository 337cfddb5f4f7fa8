import * as hdr from 'hdr-histogram-js';
import type { DriverResult, MetricBucket } from './drivers/driver-result';
import { TREND_SCALE, type TrendSummary } from './metrics/trend';
import { type Threshold, compare } from './threshold';

/** The verdict on one threshold. `actual` is in the threshold's unit (µs, percent, req/s). */
export interface ThresholdOutcome {
  threshold: string;
  group?: string;
  trend?: string;
  passed: boolean;
  actual: number | null;
  /** Why there is no value, when `actual` is null (then `passed` is false). */
  reason?: string;
}

function latency(bucket: MetricBucket, t: Threshold): number | null {
  const l = bucket.latency;
  if (t.metric === 'avg') return l.meanUs;
  if (t.metric === 'min') return l.minUs;
  if (t.metric === 'max') return l.maxUs;
  const p = t.percentile ?? 50;
  const reported = l.percentilesUs[String(p)];
  if (reported !== undefined) return reported;
  if (!bucket.histogram) return null;
  return hdr.decodeFromCompressedBase64(bucket.histogram, 32, false).getValueAtPercentile(p);
}

/** A trend's value for a latency-style threshold, in µs (`ms` × 1000; a `none` trend reads as the number written). */
function trendValue(trend: TrendSummary, t: Threshold): number | null {
  if (trend.count === 0) return null;
  let v: number | undefined;
  if (t.metric === 'avg') v = trend.mean;
  else if (t.metric === 'min') v = trend.min;
  else if (t.metric === 'max') v = trend.max;
  else {
    const p = t.percentile ?? 50;
    v = trend.percentiles[String(p)] ?? hdr.decodeFromCompressedBase64(trend.histogram, 'packed', false).getValueAtPercentile(p) / TREND_SCALE;
  }
  return trend.unit === 'us' ? v : v * 1000;
}

function checksPercent(result: DriverResult): number | null {
  let passed = 0;
  let total = 0;
  for (const c of Object.values(result.checks)) {
    passed += c.passed;
    total += c.passed + c.failed;
  }
  return total === 0 ? null : (100 * passed) / total;
}

/** Evaluates every threshold of the scenario against a result. Missing data fails with a reason. */
export function evaluateThresholds(scenario: { parsedThresholds: readonly Threshold[] }, result: DriverResult): ThresholdOutcome[] {
  return scenario.parsedThresholds.map((t) => {
    const head = { threshold: t.source, ...(t.group !== undefined ? { group: t.group } : {}), ...(t.trend !== undefined ? { trend: t.trend } : {}) };
    if (t.trend !== undefined) {
      const trend = result.trends?.[t.trend];
      const actual = trend ? trendValue(trend, t) : null;
      if (actual === null) return { ...head, passed: false, actual, reason: `trend "${t.trend}" recorded no values` };
      return { ...head, passed: compare(actual, t.op, t.limit), actual };
    }
    const bucket = t.group === undefined ? result.overall : result.groups[t.group];
    if (!bucket) return { ...head, passed: false, actual: null, reason: `group "${t.group}" recorded no requests` };
    let actual: number | null;
    if (t.metric === 'errors') actual = bucket.requests === 0 ? null : (100 * bucket.errors) / bucket.requests;
    else if (t.metric === 'checks') actual = checksPercent(result);
    else if (t.metric === 'rate') actual = bucket.requests / (result.durationMs / 1000);
    else actual = latency(bucket, t);
    if (actual === null) return { ...head, passed: false, actual, reason: `no data for ${t.metric}` };
    return { ...head, passed: compare(actual, t.op, t.limit), actual };
  });
}
