import * as hdr from 'hdr-histogram-js';
import { REPORTED_PERCENTILES } from './percentiles';

/** Unit of a custom trend: `ms` and `us` are times (thresholds convert), `none` is a plain number. */
export type TrendUnit = 'ms' | 'us' | 'none';

/** Summary of a custom trend (`ctx.record`, group durations), in the trend's own unit. */
export interface TrendSummary {
  unit: TrendUnit;
  count: number;
  min: number;
  max: number;
  mean: number;
  stdev: number;
  /** Keys are percentiles as strings ('50', '99.9'). */
  percentiles: Record<string, number>;
  /** HDR histogram (`encodeIntoCompressedBase64`) of value × `TREND_SCALE`, rounded; mergeable. */
  histogram: string;
}

/** Trend values are stored as integers of value × 1000: three decimals of resolution. */
export const TREND_SCALE = 1000;
/** Largest recordable value × TREND_SCALE (≈ 1e9 units, e.g. 11.5 days in ms). Larger values are clamped. */
const HIGHEST = 1e12;

/**
 * A mergeable distribution of non-negative numbers (negative values are recorded as 0). Backs
 * `ctx.record(name, value)` and the `<group>::duration` trends.
 */
export class Trend {
  readonly hist = hdr.build({
    bitBucketSize: 'packed',
    useWebAssembly: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST,
    numberOfSignificantValueDigits: 3,
  });

  constructor(readonly unit: TrendUnit) {}

  /** Adds one value, in the trend's unit. Non-finite values are ignored. */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.hist.recordValue(Math.min(HIGHEST, Math.max(0, Math.round(value * TREND_SCALE))));
  }

  /** Adds every value of another trend of the same unit. */
  merge(other: Trend): void {
    this.hist.add(other.hist);
  }

  toJSON(): TrendSummary {
    const h = this.hist;
    const n = h.totalCount;
    const percentiles: Record<string, number> = {};
    for (const p of REPORTED_PERCENTILES) percentiles[String(p)] = n ? h.getValueAtPercentile(p) / TREND_SCALE : 0;
    return {
      unit: this.unit,
      count: n,
      min: n ? h.minNonZeroValue / TREND_SCALE : 0,
      max: h.maxValue / TREND_SCALE,
      mean: n ? h.mean / TREND_SCALE : 0,
      stdev: n ? h.stdDeviation / TREND_SCALE : 0,
      percentiles,
      histogram: hdr.encodeIntoCompressedBase64(h),
    };
  }
}

/** The trend key for `name` recorded inside group `group`: `<group>::<name>`, or `name` alone. */
export function trendKey(name: string, group?: string): string {
  return group === undefined ? name : `${group}::${name}`;
}

/** The name of the trend holding a group's wall time per iteration, in ms (k6's `group_duration`). */
export function groupDuration(group: string): string {
  return trendKey('duration', group);
}

/** The unit a trend name implies: `…_ms`/`…Ms` → ms, `…_us`/`…Us` → us, anything else → none. */
export function unitFromName(name: string): TrendUnit {
  if (/(_ms|Ms)$/.test(name)) return 'ms';
  if (/(_us|Us)$/.test(name)) return 'us';
  return 'none';
}
