import type { LeakCriteria } from './observe-spec';

/** One memory sample of the server: `atMs` since the load started, resident set size in bytes. */
export interface MemorySample {
  atMs: number;
  rssBytes: number;
}

/** The verdict on a memory series. `insufficient-data`: fewer than 8 judged samples. */
export type MemoryVerdict = 'leak' | 'stable' | 'insufficient-data';

/** What `assessMemoryTrend` found. Bytes and bytes per minute; null when not computable. */
export interface MemoryTrend {
  verdict: MemoryVerdict;
  /** Samples judged (after the warm-up). */
  samples: number;
  /** Theil–Sen slope of RSS over time in the judged window. */
  slopeBytesPerMin: number | null;
  /** Median RSS of the first and last quarter of the judged window. */
  startBytes: number | null;
  endBytes: number | null;
  /** slope × judged duration: the growth the trend line explains. */
  growthBytes: number | null;
  criteria: Required<LeakCriteria>;
}

/** Defaults of `LeakCriteria`. */
export const DEFAULT_LEAK_CRITERIA: Required<LeakCriteria> = { warmupFraction: 0.2, minGrowthFraction: 0.1, minGrowthBytes: 16 * 1024 * 1024 };

const MIN_SAMPLES = 8;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Theil–Sen estimator (Theil 1950, Sen 1968): the median of the slopes of every pair of points.
 * Robust to up to ~29 % outliers (a GC pause, one sampling glitch), unlike least squares. Pairs
 * are thinned to at most ~20 000 by striding, enough for a stable median on a long soak.
 */
export function theilSenSlope(points: readonly MemorySample[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const stride = Math.max(1, Math.ceil((n * (n - 1)) / 2 / 20_000));
  const slopes: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (k++ % stride !== 0) continue;
      const a = points[i] as MemorySample;
      const b = points[j] as MemorySample;
      if (b.atMs !== a.atMs) slopes.push((b.rssBytes - a.rssBytes) / (b.atMs - a.atMs));
    }
  }
  return slopes.length ? median(slopes) : null;
}

/**
 * Judges a server memory series for a leak. Pure. Drops the warm-up, then flags `leak` when all
 * three hold: the Theil–Sen growth over the window ≥ `minGrowthFraction` of the starting level,
 * that growth ≥ `minGrowthBytes`, and the last quarter's median exceeds the first quarter's by
 * the same margins (so one late spike or a sawtooth GC does not count). Otherwise `stable`.
 */
export function assessMemoryTrend(samples: readonly MemorySample[], criteria: LeakCriteria = {}): MemoryTrend {
  const c = { ...DEFAULT_LEAK_CRITERIA, ...criteria };
  const sorted = [...samples].filter((s) => Number.isFinite(s.atMs) && Number.isFinite(s.rssBytes)).sort((a, b) => a.atMs - b.atMs);
  const judged = sorted.slice(Math.floor(sorted.length * c.warmupFraction));
  const none = { samples: judged.length, slopeBytesPerMin: null, startBytes: null, endBytes: null, growthBytes: null, criteria: c };
  if (judged.length < MIN_SAMPLES) return { verdict: 'insufficient-data', ...none };
  const slopePerMs = theilSenSlope(judged);
  if (slopePerMs === null) return { verdict: 'insufficient-data', ...none };
  const quarter = Math.max(2, Math.floor(judged.length / 4));
  const startBytes = median(judged.slice(0, quarter).map((s) => s.rssBytes));
  const endBytes = median(judged.slice(-quarter).map((s) => s.rssBytes));
  const spanMs = (judged[judged.length - 1] as MemorySample).atMs - (judged[0] as MemorySample).atMs;
  const growthBytes = slopePerMs * spanMs;
  const margin = Math.max(c.minGrowthBytes, c.minGrowthFraction * startBytes);
  const leak = growthBytes >= margin && endBytes - startBytes >= margin;
  return { verdict: leak ? 'leak' : 'stable', samples: judged.length, slopeBytesPerMin: slopePerMs * 60_000, startBytes, endBytes, growthBytes, criteria: c };
}
