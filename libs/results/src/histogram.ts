import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import { ResultsError } from './errors';

/**
 * Settings of every latency histogram in the lab, values in MICROSECONDS: 1 µs to 60 s
 * (60 000 000 µs) at 3 significant digits (±0.1 %), 64-bit float counts (exact to 2^53;
 * ~140 KB each, but decoding and merging are ~5× faster than 'packed'), plain JavaScript (no
 * WebAssembly, nothing to free). Histograms auto-resize above 60 s rather than throw.
 */
export const LATENCY_HISTOGRAM_SETTINGS = {
  bitBucketSize: 64,
  useWebAssembly: false,
  lowestDiscernibleValue: 1,
  highestTrackableValue: 60_000_000,
  numberOfSignificantValueDigits: 3,
} as const;

/** A new, empty latency histogram (microseconds) with {@link LATENCY_HISTOGRAM_SETTINGS}. */
export function createLatencyHistogram(): Histogram {
  return build({ ...LATENCY_HISTOGRAM_SETTINGS });
}

/** Serialises a histogram as hdr-histogram-js `encodeIntoCompressedBase64` (V2, deflate, base64). */
export function encodeHistogram(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram);
}

/** Decodes an {@link encodeHistogram} string; throws LAB_HISTOGRAM_INVALID if it is not one. */
export function decodeHistogram(encoded: string): Histogram {
  try {
    return decodeFromCompressedBase64(encoded, LATENCY_HISTOGRAM_SETTINGS.bitBucketSize, false);
  } catch (cause) {
    throw new ResultsError('LAB_HISTOGRAM_INVALID', `cannot decode histogram: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Merges histograms (encoded strings or live ones) by adding their bucket counts — the HDR
 * way to pool runs and workers, equivalent to recording every sample into one histogram.
 * Percentiles of the pooled samples must be read from this merge, never averaged across
 * runs. An empty list gives an empty histogram. Inputs are not modified.
 */
export function mergeHistograms(histograms: readonly (string | Histogram)[]): Histogram {
  const merged = createLatencyHistogram();
  for (const h of histograms) merged.add(typeof h === 'string' ? decodeHistogram(h) : h);
  return merged;
}
