import { StatsError } from './errors';

/**
 * Throws LAB_STATS_EMPTY_SAMPLE / LAB_STATS_SAMPLE_TOO_SMALL / LAB_STATS_NON_FINITE unless
 * `values` has at least `minSize` finite numbers. `what` names the statistic in the message.
 * Internal helper shared by every statistic.
 */
export function assertSample(values: readonly number[], what: string, minSize = 1): void {
  if (values.length === 0) {
    throw new StatsError('LAB_STATS_EMPTY_SAMPLE', `${what} of an empty sample`);
  }
  if (values.length < minSize) {
    throw new StatsError('LAB_STATS_SAMPLE_TOO_SMALL', `${what} needs at least ${minSize} values, got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new StatsError('LAB_STATS_NON_FINITE', `${what}: value at index ${i} is ${values[i]}`);
    }
  }
}

/** Ascending copy of `values` (numeric order; the input is never mutated). */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
