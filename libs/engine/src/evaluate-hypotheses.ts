import type { Hypothesis } from './define-scenario';
import type { DriverResult, MetricBucket } from './drivers/driver-result';

/** One hypothesis measured on one result: `ratio` = metric(a) / metric(b). */
export interface HypothesisOutcome {
  id: string;
  statement: string;
  a: number | null;
  b: number | null;
  ratio: number | null;
  /** Undefined when the hypothesis states no expected ratio, or data is missing. */
  supported?: boolean;
}

function metricOf(bucket: MetricBucket | undefined, h: Hypothesis, durationMs: number): number | null {
  if (!bucket || bucket.requests === 0) return null;
  if (h.metric === 'ratePerSec') return bucket.requests / (durationMs / 1000);
  if (h.metric === 'mean') return bucket.latency.meanUs;
  return bucket.latency.percentilesUs[h.metric.slice(1)] ?? null;
}

/**
 * A single-run reading of each hypothesis (groups a and b of one result). The report decides
 * over repeated runs with confidence intervals; this is the per-run figure it aggregates.
 */
export function evaluateHypotheses(scenario: { hypotheses: readonly Hypothesis[] }, result: DriverResult): HypothesisOutcome[] {
  return scenario.hypotheses.map((h) => {
    const a = metricOf(result.groups[h.compare.a], h, result.durationMs);
    const b = metricOf(result.groups[h.compare.b], h, result.durationMs);
    const ratio = a !== null && b !== null && b !== 0 ? a / b : null;
    return {
      id: h.id,
      statement: h.statement,
      a,
      b,
      ratio,
      ...(ratio !== null && h.expectRatioAtLeast !== undefined ? { supported: ratio >= h.expectRatioAtLeast } : {}),
    };
  });
}
