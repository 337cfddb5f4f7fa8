/** A comparison operator of a threshold. */
export type ThresholdOp = '<' | '<=' | '>' | '>=';

/**
 * A parsed threshold. Latency metrics (`p95`, `p99.9`, `med`, `avg`, `min`, `max`) have their
 * limit in µs; `errors` and `checks` in percent; `rate` in requests per second. Checks carry no
 * group, so `checks` is computed over all checks even when the threshold is group-scoped.
 */
export interface Threshold {
  source: string;
  group?: string;
  /** A custom trend (`ctx.record`, `<group>::duration`) the threshold reads instead of request latency. */
  trend?: string;
  metric: string;
  /** Percentile for `pNN` / `med` metrics; undefined otherwise. */
  percentile?: number;
  op: ThresholdOp;
  limit: number;
  unit: 'us' | 'percent' | 'perSec';
}

/**
 * A threshold as written in a scenario: `'p95 < 500ms'`, scoped to a group's request latency
 * `{ group: 'A. Lazy', expr: 'p95 < 500ms' }`, or to a trend such as a group's duration
 * `{ trend: 'A. Lazy::duration', expr: 'p95 < 500ms' }` (k6's `group_duration{group:::A. Lazy}`).
 */
export type ThresholdSpec = string | { group: string; expr: string } | { trend: string; expr: string };

const PATTERN = /^\s*(p\d{1,2}(?:\.\d+)?|med|avg|min|max|errors|checks|rate)\s*(<=|<|>=|>)\s*(\d+(?:\.\d+)?)\s*(ms|s|us|µs|%|\/s)?\s*$/;
const TIME_UNITS: Record<string, number> = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };

/** Parses one threshold expression; returns an error message (for the validation report) on failure. */
export function parseThreshold(expr: string, group?: string, trend?: string): Threshold | { error: string } {
  const m = PATTERN.exec(expr);
  if (!m) return { error: `cannot parse "${expr}" (expected e.g. 'p95 < 500ms', 'errors < 1%', 'checks > 99%', 'rate > 100/s')` };
  const [, metric = '', op = '<', rawValue = '0', unit] = m;
  const value = Number(rawValue);
  const base = { source: expr, ...(group !== undefined ? { group } : {}), ...(trend !== undefined ? { trend } : {}), metric, op: op as ThresholdOp };
  if (metric === 'errors' || metric === 'checks') {
    if (unit !== '%') return { error: `"${expr}": ${metric} needs a percentage, e.g. '${metric} ${op} 1%'` };
    if (value > 100) return { error: `"${expr}": a percentage cannot exceed 100%` };
    return { ...base, limit: value, unit: 'percent' };
  }
  if (metric === 'rate') {
    if (unit !== undefined && unit !== '/s') return { error: `"${expr}": rate is in requests per second, e.g. 'rate > 100/s'` };
    return { ...base, limit: value, unit: 'perSec' };
  }
  if (unit === '%' || unit === '/s') return { error: `"${expr}": a latency needs a time unit (us, ms, s)` };
  const percentile = metric === 'med' ? 50 : metric.startsWith('p') ? Number(metric.slice(1)) : undefined;
  if (percentile !== undefined && (percentile <= 0 || percentile >= 100)) return { error: `"${expr}": percentile must be in (0, 100)` };
  // A bare number is milliseconds, as in k6.
  const limit = value * (TIME_UNITS[unit ?? 'ms'] ?? 1000);
  return { ...base, ...(percentile !== undefined ? { percentile } : {}), limit, unit: 'us' };
}

/** True when `actual op limit` holds. */
export function compare(actual: number, op: ThresholdOp, limit: number): boolean {
  switch (op) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
  }
}
