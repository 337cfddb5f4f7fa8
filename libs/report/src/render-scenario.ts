import { markdownTable } from 'markdown-table';
import { cellText, formatFigure, formatLatencyUs, formatMiB, formatPercent, formatRateInterval } from './format';
import { byStanding, INVALID_MARK, rankText, TIE_MARK } from './markers';
import type { CellSummary, ReportModel } from './report-model';

const ROLES = ['server', 'database', 'redis', 'generator'] as const;

function latencyCells(c: CellSummary): string[] {
  const star = c.percentilesFrom === 'median-of-runs' ? '*' : '';
  const p = c.percentilesUs;
  return [p?.p50, p?.p90, p?.p95, p?.p99].map((v) => (v === undefined ? '–' : formatLatencyUs(v) + star));
}

function mainTable(cells: readonly CellSummary[]): string {
  const header = ['implementation', 'rank', 'req/s [95 % CI]', 'CV', 'runs', 'p50', 'p90', 'p95', 'p99', 'errors', 'validity'];
  const rows = cells.map((c) =>
    [
      c.label,
      rankText(c),
      c.ratePerSec ? formatRateInterval(c.ratePerSec) : '–',
      formatPercent(c.cv, 1),
      String(c.runs),
      ...latencyCells(c),
      formatPercent(c.errorRate),
      c.verdict,
    ].map(cellText),
  );
  return markdownTable([header, ...rows], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] });
}

function resourceTable(cells: readonly CellSummary[]): string | null {
  const roles = ROLES.filter((r) => cells.some((c) => c.resources.some((x) => x.role === r)));
  if (roles.length === 0) return null;
  const rows = cells.map((c) => [
    c.label,
    ...roles.map((role) => {
      const r = c.resources.find((x) => x.role === role);
      return r ? `${formatFigure(r.cpuSecondsPer1kRequests)} CPU-s · ${formatMiB(r.peakRssBytes)}${r.oomKilled ? ' · OOM-killed' : ''}` : '–';
    }),
  ]);
  return markdownTable([['implementation', ...roles], ...rows.map((r) => r.map(cellText))]);
}

function extrasTable(cells: readonly CellSummary[]): string | null {
  const keys = [...new Set(cells.flatMap((c) => Object.keys(c.extras)))].sort();
  if (keys.length === 0) return null;
  const rows = cells.map((c) => [c.label, ...keys.map((k) => (k in c.extras ? formatFigure(c.extras[k]!) : '–'))]);
  return markdownTable([['implementation', ...keys], ...rows.map((r) => r.map(cellText))]);
}

function notes(cells: readonly CellSummary[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (c.verdict !== 'valid') out.push(`- ${INVALID_MARK} **${c.label}** not ranked — ${c.verdict}: ${c.reasons.join('; ')}`);
    else if (c.standing.rank === null) out.push(`- **${c.label}** not ranked — ${c.standing.unrankedBecause}`);
    if (c.standing.tiedWith.length > 0) out.push(`- ${TIE_MARK} **${c.label}** is tied with ${c.standing.tiedWith.join(', ')}`);
    if (c.failedThresholds.length > 0) out.push(`- **${c.label}** failed thresholds: ${c.failedThresholds.map((t) => `\`${t}\``).join(', ')}`);
  }
  return out.length > 0 ? [...out, ''] : [];
}

/**
 * One scenario's section: per comparison group (profile × host) the throughput, latency,
 * error, CV and run table, resource use per role (CPU-seconds per 1,000 requests and peak
 * RSS), the scenario's extra figures, and notes on ties, invalid cells and failed thresholds.
 */
export function renderScenario(model: ReportModel, scenario: string, cells: readonly CellSummary[]): string[] {
  const info = model.scenarios.find((s) => s.id === scenario);
  const out = [`### ${scenario}${info?.title ? ` — ${info.title}` : ''}`, ''];
  const groups = [...new Set(cells.map((c) => `${c.profile}|${c.hostId}`))].sort();
  for (const group of groups) {
    const [profile, hostId] = group.split('|') as [string, string];
    const inGroup = cells.filter((c) => c.profile === profile && c.hostId === hostId).sort(byStanding);
    const loads = [...new Set(inGroup.map((c) => c.load))].join('; ');
    out.push(`Category ${inGroup[0]!.category} · profile \`${profile}\` · host \`${hostId}\` · load ${loads}`, '', mainTable(inGroup), '');
    const resources = resourceTable(inGroup);
    if (resources) out.push('Resources (CPU-seconds per 1,000 requests · peak RSS) per role:', '', resources, '');
    const extras = extrasTable(inGroup);
    if (extras) out.push('Scenario figures:', '', extras, '');
    out.push(...notes(inGroup));
  }
  return out;
}
