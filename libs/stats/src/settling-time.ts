import { assertSample, sortedCopy } from './assert-sample';
import { StatsError } from './errors';
import { sortedMedian } from './median';
import { MAD_NORMAL_SCALE } from './median-absolute-deviation';

/** Options of {@link settlingTime}. */
export interface SettlingOptions {
  /**
   * Floor of the band's half-width, a fraction of the final level. Default
   * {@link DEFAULT_SETTLING_MIN_BAND} (2 %): a run with almost no scatter is still allowed that much.
   */
  minBand?: number;
  /**
   * How many per-second standard deviations (the run's own scatter) the band spans at least.
   * Default {@link DEFAULT_SETTLING_NOISE_MULTIPLIER} (3, a Shewhart control limit).
   */
  noiseMultiplier?: number;
  /**
   * Width (seconds, odd) of the moving median the band test applies to, so one slow second does
   * not count as "still warming up". Default {@link DEFAULT_SETTLING_SMOOTH_SECONDS} (3).
   */
  smoothSeconds?: number;
}

/**
 * What {@link settlingTime} found: `settled`; `not-steady` (the second half drifts by more than
 * the band, or the run ends below it: measure longer runs); `too-short` (fewer than
 * {@link MIN_SETTLING_SECONDS} seconds, too few to tell a warm-up from the level).
 */
export type SettlingOutcome = 'settled' | 'not-steady' | 'too-short';

/** Where a series settles (see {@link settlingTime}). */
export interface Settling {
  readonly outcome: SettlingOutcome;
  /**
   * The first second (0-based index into the series, so also the seconds of warm-up the run
   * needed) from which the smoothed series never again falls below the band; 0 when it starts
   * at its level; null unless `outcome` is `settled`.
   */
  readonly settledAtSecond: number | null;
  /** The final level: the median of the second half of the series, in the series' unit. */
  readonly finalLevel: number;
  /**
   * Per-second scatter, in the series' unit: a robust standard deviation from the run's
   * successive differences (their MAD × 1.4826 / √2).
   */
  readonly scatter: number;
  /** Half-width of the band used, a fraction of the final level: max(minBand, noiseMultiplier × scatter / level). */
  readonly band: number;
  /**
   * Drift of the second half: the median of its last ⌊h/2⌋ smoothed seconds minus that of its
   * first ⌊h/2⌋ (h = `levelSeconds`), a fraction of the final level.
   */
  readonly drift: number;
  /** Seconds the final level and the drift were taken from (the second half, rounded up). */
  readonly levelSeconds: number;
  /** Seconds in the series. */
  readonly seconds: number;
}

/** Default floor of the band of {@link settlingTime}: 2 % of the final level. */
export const DEFAULT_SETTLING_MIN_BAND = 0.02;

/** Default noise multiplier of {@link settlingTime}: a band of at least 3 per-second standard deviations. */
export const DEFAULT_SETTLING_NOISE_MULTIPLIER = 3;

/** Default moving-median width of {@link settlingTime}, seconds. */
export const DEFAULT_SETTLING_SMOOTH_SECONDS = 3;

/**
 * Fewest seconds {@link settlingTime} judges: a second half of 4 seconds, two on each side of the
 * drift test, and 7 successive differences for the scatter.
 */
export const MIN_SETTLING_SECONDS = 8;

/**
 * Warm-up of a per-second series (a run's request rate measured with no warm-up): the first
 * second from which the rate never again falls clearly below its steady level. The rule, for a
 * series x₀ … xₙ₋₁:
 *
 * 1. Level: L = the median of the second half T (the last ⌈n/2⌉ seconds).
 * 2. Scatter: s = 1.4826 · MAD(Δ) / √2, Δ the n − 1 successive differences of the whole run — a
 *    robust standard deviation of one second (MAD: Hampel 1974; successive differences: von
 *    Neumann et al. 1941). Differences ignore a slow drift (centring on their median removes a
 *    steady slope), and the median ignores the few large steps of a warm-up; using the whole run
 *    rather than T doubles the differences, which a 10-second run needs.
 * 3. Band half-width B = max(minBand · L, noiseMultiplier · s): the run's own second-to-second
 *    scatter sets the tolerance (3 s is a Shewhart control limit, Shewhart 1931), never below
 *    the floor.
 * 4. Smoothing: mᵢ, a moving median of `smoothSeconds` (w), the median of xᵢ₋ₕ … xᵢ₊ₕ
 *    (h = (w − 1)/2); near the start the window shrinks symmetrically, so a slow first second is
 *    judged on its own; near the end it is shifted inside the series, so a dip in the last
 *    second is damped like one in the middle.
 * 5. Not steady when the second half itself drifts — the median of mᵢ over the last ⌊|T|/2⌋
 *    seconds and over the first ⌊|T|/2⌋ seconds of T differ by more than B — or when the run ends
 *    below the band, mₙ₋₁ < L − B.
 * 6. The settling second is the smallest i such that mⱼ ≥ L − B for every j ≥ i.
 *
 * One-sided on purpose: warm-up is a run starting slow, so a later rise, or a dip that stays
 * within the band, does not move the settling second; a dip below it for longer than the
 * smoothing absorbs (two seconds of three) does. It is the settling time of a step response
 * (Ogata, Modern Control Engineering, §5-3) with the fixed ±2 % band replaced by the lower
 * control limit of the run's own steady state. Fewer than {@link MIN_SETTLING_SECONDS} seconds
 * give `too-short`. Throws LAB_STATS_EMPTY_SAMPLE, LAB_STATS_NON_FINITE, LAB_STATS_INVALID_OPTION
 * and, when the final level is 0 (no relative band exists), LAB_STATS_ZERO_DENOMINATOR.
 */
export function settlingTime(series: readonly number[], options: SettlingOptions = {}): Settling {
  assertSample(series, 'settlingTime');
  const minBand = options.minBand ?? DEFAULT_SETTLING_MIN_BAND;
  if (!(minBand > 0 && minBand < 1)) throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: minBand must be in (0, 1), got ${minBand}`);
  const k = options.noiseMultiplier ?? DEFAULT_SETTLING_NOISE_MULTIPLIER;
  if (!(k >= 0 && Number.isFinite(k))) throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: noiseMultiplier must be a finite number ≥ 0, got ${k}`);
  const smooth = options.smoothSeconds ?? DEFAULT_SETTLING_SMOOTH_SECONDS;
  if (!Number.isInteger(smooth) || smooth < 1 || smooth % 2 === 0) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', `settlingTime: smoothSeconds must be an odd integer ≥ 1, got ${smooth}`);
  }
  const n = series.length;
  const tail = series.slice(n - Math.ceil(n / 2));
  const level = medianOf(tail);
  if (level === 0) throw new StatsError('LAB_STATS_ZERO_DENOMINATOR', 'settlingTime: the final level is 0, so a relative band is empty');
  const scatter = successiveDifferenceScatter(series);
  const halfWidth = Math.max(minBand * Math.abs(level), k * scatter);
  const smoothed = movingMedian(series, smooth);
  const smoothedTail = smoothed.slice(n - tail.length);
  const quarter = tail.length >> 1;
  const drift = quarter === 0 ? 0 : medianOf(smoothedTail.slice(tail.length - quarter)) - medianOf(smoothedTail.slice(0, quarter));
  const base = { finalLevel: level, scatter, band: halfWidth / Math.abs(level), drift: drift / Math.abs(level), levelSeconds: tail.length, seconds: n };
  if (n < MIN_SETTLING_SECONDS) return { outcome: 'too-short', settledAtSecond: null, ...base };
  const floor = level - halfWidth;
  if (Math.abs(drift) > halfWidth || smoothed[n - 1]! < floor) return { outcome: 'not-steady', settledAtSecond: null, ...base };
  let settledAtSecond = n - 1;
  while (settledAtSecond > 0 && smoothed[settledAtSecond - 1]! >= floor) settledAtSecond--;
  return { outcome: 'settled', settledAtSecond, ...base };
}

function medianOf(values: readonly number[]): number {
  return sortedMedian(sortedCopy(values));
}

/** 1.4826 · MAD of the successive differences / √2: σ of one value for independent noise; 0 for fewer than 2 values. */
function successiveDifferenceScatter(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const diffs = values.slice(1).map((v, i) => v - values[i]!);
  const centre = medianOf(diffs);
  return (medianOf(diffs.map((d) => Math.abs(d - centre))) * MAD_NORMAL_SCALE) / Math.SQRT2;
}

/**
 * Moving median of odd width `w`: centred, with the window shrinking symmetrically at the start
 * (the first second stands alone) and shifted inside the series at the end.
 */
function movingMedian(values: readonly number[], w: number): number[] {
  if (w === 1) return [...values];
  const half = (w - 1) / 2;
  const n = values.length;
  return values.map((_, i) => {
    const reach = Math.min(half, i);
    const hi = Math.min(n - 1, i + reach);
    const lo = Math.max(0, Math.min(i - reach, hi - 2 * reach));
    return medianOf(values.slice(lo, hi + 1));
  });
}
