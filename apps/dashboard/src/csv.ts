import type { DashboardCell } from '@lab/report';

/** Columns of the table view and of its CSV export, in order. */
export const TABLE_COLUMNS: readonly { readonly header: string; readonly value: (c: DashboardCell) => string | number | null }[] = [
  { header: 'scenario', value: (c) => c.scenario },
  { header: 'implementation', value: (c) => c.label },
  { header: 'profile', value: (c) => c.profile },
  { header: 'host', value: (c) => c.hostId },
  { header: 'rank', value: (c) => c.rank },
  { header: 'tied_with', value: (c) => c.tiedWith.join(' ') },
  { header: 'rate_per_sec', value: (c) => c.ratePerSec },
  { header: 'ci_low', value: (c) => c.ratePerSecLow },
  { header: 'ci_high', value: (c) => c.ratePerSecHigh },
  { header: 'cv', value: (c) => c.cv },
  { header: 'runs', value: (c) => c.runs },
  { header: 'p50_us', value: (c) => c.p50Us },
  { header: 'p90_us', value: (c) => c.p90Us },
  { header: 'p95_us', value: (c) => c.p95Us },
  { header: 'p99_us', value: (c) => c.p99Us },
  { header: 'error_rate', value: (c) => c.errorRate },
  { header: 'verdict', value: (c) => c.verdict },
];

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of the cells (full-precision numbers, empty for unknown), CRLF line ends. */
export function toCsv(cells: readonly DashboardCell[]): string {
  const lines = [TABLE_COLUMNS.map((c) => c.header).join(','), ...cells.map((cell) => TABLE_COLUMNS.map((c) => field(c.value(cell))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
