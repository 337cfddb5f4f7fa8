import { assertSample, sortedCopy } from './assert-sample';
import { StatsError } from './errors';
import { sortedMedian } from './median';

/** Options of {@link settlingTime}. */
export interface SettlingOptions {
  /** Half-width of the band around the final level, a fraction of it. Default 0.02 (±2 %). */
  band?: number;
  /**
   * Seconds at the end whose median is the final level. Default: the last quarter of the
   * series, at least 3 seconds (all of them for a shorter series).
   */
  finalSeconds?: number;
  /**
   * Width (seconds, odd) of a centred moving median applied before the band test, so one noisy
   * second does not count as "not yet steady". Default 1: no smoothing.
   */
  smoothSeconds?: number;
}

/** Where a series settles (see {@link settlingTime}). */
export interface Settling {
  /**
   * The first second (0-based index into the series) from which every later value, smoothed,
   * lies within ±band of the final level; 0 when the series starts steady; null when even the
   * last value lies outside (not steady: the run is too short or too noisy for this band).
   */
  settledAtSecond: number | null;
  /** The median of the last `finalSeconds` values (unsmoothed), in the series' unit. */
  finalLevel: number;
  /** The band used, a fraction. */
  band: number;
  /** Seconds the final level was taken from. */
  finalSeconds: number;
  /** Seconds in the series. */
  seconds: number;
}

/** Default band of {@link settlingTime}: ±2 % of the final level. */
export const DEFAULT_SETTLING_BAND = 0.02;

/**
 * Settling time of a per-second series (e.g. a run's request rate measured with no warm-up):
 * the first second after which the series stays within ±band of its final level — the "2 %
 * settling time" of a step response in control engineering (e.g. Ogata, Modern Control
 * Engineering, §5-3), with the final value estimated as the median of the last seconds and an
 * optional centred moving median to damp single-second noise. A runtime that needs a JIT or a
 * cache to warm up settles late; one that starts at full speed settles at 0.
 * Throws LAB_STATS_EMPTY_SAMPLE, LAB_STATS_NON_FINITE, LAB_STATS_INVALID_OPTION and, when the
 * final level is 0 (no relative band exists), LAB_STATS_ZERO_DENOMINATOR.
 */
export function settlingTime(series: readonly number[], options: SettlingOptions = {}): Settling {
  assertSample(series, 'settlingTime');
  const band = options.band ?? DEFAULT_SETTLING_BAND;
  if (!(band > 0 && band < 1)) throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: band must be in (0, 1), got ${band}`);
  const n = series.length;
  const finalSeconds = options.finalSeconds ?? Math.min(n, Math.max(3, Math.ceil(n / 4)));
  if (!Number.isInteger(finalSeconds) || finalSeconds < 1 || finalSeconds > n) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: finalSeconds must be an integer in [1, ${n}], got ${finalSeconds}`);
  }
  const smooth = options.smoothSeconds ?? 1;
  if (!Number.isInteger(smooth) || smooth < 1 || smooth % 2 === 0) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: smoothSeconds must be an odd integer ≥ 1, got ${smooth}`);
  }
  const finalLevel = sortedMedian(sortedCopy(series.slice(n - finalSeconds)));
  if (finalLevel === 0) throw new StatsError('LAB_STATS_ZERO_DENOMINATOR', 'settlingTime: the final level is 0, so a relative band is empty');
  const smoothed = movingMedian(series, smooth);
  const inBand = (v: number) => Math.abs(v - finalLevel) <= band * Math.abs(finalLevel);
  let settledAtSecond: number | null = n;
  while (settledAtSecond > 0 && inBand(smoothed[settledAtSecond - 1]!)) settledAtSecond--;
  if (settledAtSecond === n) settledAtSecond = null;
  return { settledAtSecond, finalLevel, band, finalSeconds, seconds: n };
}

/** Centred moving median of odd width `w`; the window shrinks symmetrically at the ends. */
function movingMedian(values: readonly number[], w: number): number[] {
  if (w === 1) return [...values];
  const half = (w - 1) / 2;
  return values.map((_, i) => {
    const reach = Math.min(half, i, values.length - 1 - i);
    return sortedMedian(sortedCopy(values.slice(i - reach, i + reach + 1)));
  });
}
