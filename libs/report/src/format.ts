import type { Interval } from './report-model';

const grouped = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A rate in requests per second: thousands separators, no decimals from 100 up (`12,340`, `87.5`). */
export function formatRate(ratePerSec: number): string {
  return grouped(ratePerSec, Math.abs(ratePerSec) >= 100 ? 0 : 1);
}

/**
 * A rate with its interval: `12,340 [12,100–12,560]` for a CI (en dash between the bounds),
 * `12,340 (range 12,100–12,560)` for two runs, plain `12,340` for one run.
 */
export function formatRateInterval(ci: Pick<Interval, 'estimate' | 'low' | 'high'> & { kind?: Interval['kind'] }): string {
  if (ci.kind === 'none') return formatRate(ci.estimate);
  if (ci.kind === 'range') return `${formatRate(ci.estimate)} (range ${formatRate(ci.low)}–${formatRate(ci.high)})`;
  return `${formatRate(ci.estimate)} [${formatRate(ci.low)}–${formatRate(ci.high)}]`;
}

/** A latency given in µs, shown in ms: 2 decimals below 10 ms, 1 below 100 ms, none above. */
export function formatLatencyUs(latencyUs: number | null): string {
  if (latencyUs === null) return '–';
  const ms = latencyUs / 1000;
  return `${ms < 100 ? ms.toFixed(ms < 10 ? 2 : 1) : grouped(ms, 0)} ms`;
}

/** A fraction as a percentage with `digits` decimals: 0.0312 → `3.12 %`; null → `–`. */
export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)} %`;
}

/** Bytes in MiB with one decimal: `174.0 MiB`. */
export function formatMiB(bytes: number): string {
  return `${grouped(bytes / 1024 ** 2, 1)} MiB`;
}

/** A ratio with its interval: `3.42× [3.10–3.80]`. */
export function formatRatio(ci: { estimate: number; low: number; high: number }): string {
  return `${ci.estimate.toFixed(2)}× [${ci.low.toFixed(2)}–${ci.high.toFixed(2)}]`;
}

/** A plain number to 3 significant digits (CPU-seconds per 1,000 requests, extras): `0.0938`. */
export function formatFigure(value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return grouped(value, 0);
  return String(Number(value.toPrecision(3)));
}

/** Escapes a value for a markdown table cell (pipes and newlines). */
export function cellText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
