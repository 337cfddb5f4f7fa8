/** Display helpers of the dashboard (the page cannot import @lab/report's node-side modules). */

/** req/s with thousands separators: `12,340`. */
export function formatRate(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
}

/** µs → ms with 2 decimals below 10 ms, 1 below 100 ms. */
export function formatMs(us: number | null): string {
  if (us === null) return '–';
  const ms = us / 1000;
  return ms < 100 ? ms.toFixed(ms < 10 ? 2 : 1) : ms.toFixed(0);
}

/** A fraction as a percentage: 0.0312 → `3.12`. */
export function formatPct(fraction: number | null, digits = 2): string {
  return fraction === null ? '–' : (fraction * 100).toFixed(digits);
}
