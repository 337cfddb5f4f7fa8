import { createRandom } from '@lab/stats';
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeHistogram, encodeHistogram, mergeHistograms } from './histogram';
import { percentilesFromHistogram } from './percentiles-from-histogram';

const PERCENTILES = { p50: 50, p90: 90, p95: 95, p99: 99, p999: 99.9 } as const;

function histogramOf(latenciesUs: readonly number[]) {
  const h = createLatencyHistogram();
  for (const v of latenciesUs) h.recordValue(v);
  return h;
}

/**
 * Direct percentile of raw samples with HdrHistogram's rank rule (the smallest value with at
 * least max(1, round(q/100 · n)) values ≤ it), computed on the sorted pooled sample.
 */
function directPercentile(latenciesUs: readonly number[], q: number): number {
  const sorted = [...latenciesUs].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.round((q / 100) * sorted.length)) - 1]!;
}

/** HDR at 3 significant digits reports the top of a bucket ≤ 1/1024 wide, relative. */
function expectWithinResolution(hdr: number, direct: number): void {
  expect(Math.abs(hdr - direct)).toBeLessThanOrEqual(direct / 1000 + 1);
}

function uniformUs(count: number, lowUs: number, highUs: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Math.round(lowUs + random() * (highUs - lowUs)));
}

// Run A: 9,000 fast requests (0.9–1.1 ms). Run B: 1,000 requests, 20 % of them stalled 50–60 ms.
const RUN_A = uniformUs(9000, 900, 1100, 1);
const RUN_B = [...uniformUs(800, 900, 1100, 2), ...uniformUs(200, 50_000, 60_000, 3)];

describe('latency histograms', () => {
  it('encode and decode without loss', () => {
    const h = histogramOf(RUN_B);
    const decoded = decodeHistogram(encodeHistogram(h));
    expect(decoded.totalCount).toBe(1000);
    expect(percentilesFromHistogram(decoded)).toEqual(percentilesFromHistogram(h));
  });

  it('rejects a string that is not an encoded histogram', () => {
    expect(() => decodeHistogram('aGVsbG8=')).toThrow(expect.objectContaining({ code: 'LAB_HISTOGRAM_INVALID' }));
  });

  it('merging runs gives the percentiles of the pooled samples', () => {
    const merged = mergeHistograms([encodeHistogram(histogramOf(RUN_A)), encodeHistogram(histogramOf(RUN_B))]);
    const pooled = [...RUN_A, ...RUN_B];
    expect(merged.totalCount).toBe(pooled.length);
    const got = percentilesFromHistogram(merged);
    for (const [key, q] of Object.entries(PERCENTILES)) {
      expectWithinResolution(got[key as keyof typeof PERCENTILES], directPercentile(pooled, q));
    }
    expectWithinResolution(got.max, Math.max(...pooled));
  });

  it('differs from averaging per-run percentiles when runs are skewed', () => {
    const pooledP99 = directPercentile([...RUN_A, ...RUN_B], 99); // 2 % of the pool stalled → ~55 ms
    const mergedP99 = percentilesFromHistogram(mergeHistograms([histogramOf(RUN_A), histogramOf(RUN_B)])).p99;
    const averagedP99 = (percentilesFromHistogram(histogramOf(RUN_A)).p99 + percentilesFromHistogram(histogramOf(RUN_B)).p99) / 2;
    expectWithinResolution(mergedP99, pooledP99);
    expect(Math.abs(averagedP99 - pooledP99) / pooledP99).toBeGreaterThan(0.3); // ~30 ms vs ~55 ms
  });

  it('merges live and encoded histograms alike without touching the inputs', () => {
    const a = histogramOf(RUN_A);
    const merged = mergeHistograms([a, encodeHistogram(histogramOf(RUN_B))]);
    expect(merged.totalCount).toBe(10_000);
    expect(a.totalCount).toBe(9000);
    expect(mergeHistograms([]).totalCount).toBe(0);
  });

  it.each([8, 16, 32, 'packed'] as const)('reads histograms recorded with %s-bit buckets (engine: 32)', (bits) => {
    const foreign = build({
      bitBucketSize: bits,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 60_000_000,
      numberOfSignificantValueDigits: 3,
    });
    const sample = RUN_B.slice(0, 100);
    for (const v of sample) foreign.recordValue(v);
    const encoded = encodeIntoCompressedBase64(foreign);
    expect(mergeHistograms([encoded, encodeHistogram(histogramOf(RUN_A))]).totalCount).toBe(9100);
    expect(percentilesFromHistogram(encoded)).toEqual(percentilesFromHistogram(histogramOf(sample)));
  });

  it('keeps values above 60 s instead of throwing', () => {
    expect(percentilesFromHistogram(histogramOf([120_000_000])).max).toBeGreaterThanOrEqual(120_000_000);
  });

  it('refuses percentiles of an empty histogram', () => {
    expect(() => percentilesFromHistogram(createLatencyHistogram())).toThrow(expect.objectContaining({ code: 'LAB_HISTOGRAM_EMPTY' }));
  });
});
