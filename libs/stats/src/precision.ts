import { StatsError } from './errors';
import type { ConfidenceInterval } from './bootstrap-ci';

/** The part of a {@link ConfidenceInterval} the precision rule looks at. */
export type IntervalBounds = Pick<ConfidenceInterval, 'estimate' | 'low' | 'high'>;

/** Default precision target of the runner's stop rule: ±2 % of the estimate (0.02). */
export const DEFAULT_PRECISION_TARGET = 0.02;

/**
 * Relative half-width of an interval: max(estimate − low, high − estimate) / |estimate|, a
 * fraction (0.017 = ±1.7 %). The larger side is used because percentile-bootstrap intervals
 * are asymmetric; for a symmetric interval this is the usual half-width / estimate.
 * 0 for a zero-width interval, Infinity for a zero estimate with a non-zero width.
 */
export function relativeHalfWidth(ci: IntervalBounds): number {
  const halfWidth = Math.max(ci.estimate - ci.low, ci.high - ci.estimate);
  if (halfWidth === 0) return 0;
  return ci.estimate === 0 ? Infinity : halfWidth / Math.abs(ci.estimate);
}

/**
 * The runner's stop rule: true when the whole interval lies within ±`target` of the estimate,
 * i.e. {@link relativeHalfWidth}(ci) ≤ target (fixed-relative-precision stopping as in
 * Law & Kelton, Simulation Modeling and Analysis, "obtaining a specified precision"). `target` is a fraction, default
 * 0.02; it must be positive (LAB_STATS_INVALID_OPTION).
 */
export function isPrecise(ci: IntervalBounds, target: number = DEFAULT_PRECISION_TARGET): boolean {
  if (!(target > 0) || !Number.isFinite(target)) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `precision target must be a positive fraction, got ${target}`);
  }
  return relativeHalfWidth(ci) <= target;
}
