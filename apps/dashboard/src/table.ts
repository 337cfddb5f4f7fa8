import type { DashboardCell } from '@lab/report';
import { toCsv } from './csv';
import { formatMs, formatPct, formatRate } from './format';

const HEADERS = [
  'scenario',
  'implementation',
  'profile',
  'rank',
  'req/s [95 % CI]',
  'CV %',
  'runs',
  'p50 ms',
  'p90 ms',
  'p95 ms',
  'p99 ms',
  'errors %',
  'validity',
];

function rankText(c: DashboardCell): string {
  if (c.verdict !== 'valid') return '✗';
  if (c.rank === null) return '○';
  return `#${c.rank}${c.tiedWith.length > 0 ? ' ≈' : ''}`;
}

/** The table view of the filtered cells (one row per cell, the report's markers in `rank`). */
export function renderTable(cells: readonly DashboardCell[]): HTMLTableElement {
  const table = document.createElement('table');
  table.id = 'cells-table';
  const head = table.createTHead().insertRow();
  for (const h of HEADERS) head.appendChild(document.createElement('th')).textContent = h;
  const body = table.createTBody();
  for (const c of cells) {
    const row = body.insertRow();
    row.dataset['key'] = c.key;
    if (c.verdict !== 'valid') row.className = 'invalid';
    const rate = c.ratePerSec === null ? '–' : `${formatRate(c.ratePerSec)} [${formatRate(c.ratePerSecLow)}–${formatRate(c.ratePerSecHigh)}]`;
    const values = [
      c.scenario,
      c.label,
      c.profile,
      rankText(c),
      rate,
      formatPct(c.cv, 1),
      String(c.runs),
      formatMs(c.p50Us),
      formatMs(c.p90Us),
      formatMs(c.p95Us),
      formatMs(c.p99Us),
      formatPct(c.errorRate),
      c.verdict,
    ];
    for (const v of values) row.insertCell().textContent = v;
    if (c.reasons.length > 0) row.title = c.reasons.join('\n');
  }
  return table;
}

/** Saves the filtered cells as `benchmark-results.csv` (a Blob download: works from file://). */
export function downloadCsv(cells: readonly DashboardCell[], doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([toCsv(cells)], { type: 'text/csv;charset=utf-8' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = 'benchmark-results.csv';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
