import { markdownTable } from 'markdown-table';
import { cellText, formatFigure, formatLatencyUs, formatMiB, formatPercent, formatRateInterval } from './format';
import { byStanding, byStandingOf, INVALID_MARK, rankText, TIE_MARK } from './markers';
import { comparisonKey } from './rank-cells';
import type { CellSummary, ReportModel } from './report-model';

const ROLES = ['server', 'database', 'redis', 'generator'] as const;

function latencyCells(c: CellSummary): string[] {
  const star = c.percentilesFrom === 'median-of-runs' ? '*' : '';
  const p = c.percentilesUs;
  return [p?.p50, p?.p90, p?.p95, p?.p99].map((v) => (v === undefined ? '–' : formatLatencyUs(v) + star));
}

/** The server role's CPU-seconds per 1,000 requests and peak RSS, `–` each when not measured. */
export function serverResourceCells(c: CellSummary): [string, string] {
  const r = c.resources.find((x) => x.role === 'server');
  return r ? [formatFigure(r.cpuSecondsPer1kRequests), formatMiB(r.peakRssBytes)] : ['–', '–'];
}

function mainTable(cells: readonly CellSummary[], standingOf: (c: CellSummary) => CellSummary['standing'] = (c) => c.standing): string {
  const header = [
    'implementation',
    'rank',
    'req/s [95 % CI]',
    'CV',
    'runs',
    'p50',
    'p90',
    'p95',
    'p99',
    'errors',
    'server CPU-s / 1k req',
    'server peak RSS',
    'validity',
  ];
  const rows = cells.map((c) =>
    [
      c.label,
      rankText(c, standingOf(c)),
      c.ratePerSec ? formatRateInterval(c.ratePerSec) : '–',
      formatPercent(c.cv, 1),
      String(c.runs),
      ...latencyCells(c),
      formatPercent(c.errorRate),
      ...serverResourceCells(c),
      c.verdict,
    ].map(cellText),
  );
  return markdownTable([header, ...rows], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] });
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

/** Bookkeeping extras (the gate, the generator's ceiling, the quiet gate, the server's environment): in the result file, not in the scenario figures. */
const BOOKKEEPING = /^(gate|generator|quiet|server)\./;

function extrasTable(cells: readonly CellSummary[]): string | null {
  const keys = [...new Set(cells.flatMap((c) => Object.keys(c.extras)))].filter((k) => !BOOKKEEPING.test(k)).sort();
  if (keys.length === 0) return null;
  const rows = cells.map((c) => [c.label, ...keys.map((k) => (k in c.extras ? formatFigure(c.extras[k]!) : '–'))]);
  return markdownTable([['implementation', ...keys], ...rows.map((r) => r.map(cellText))]);
}

function notes(cells: readonly CellSummary[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const standing = c.variant === 'default' ? c.standing : (c.variantStanding ?? c.standing);
    if (c.verdict !== 'valid') out.push(`- ${INVALID_MARK} **${c.label}** not ranked — ${standing.unrankedBecause ?? `${c.verdict}: ${c.reasons.join('; ')}`}`);
    else if (standing.rank === null) out.push(`- **${c.label}** not ranked — ${standing.unrankedBecause}`);
    if (standing.tiedWith.length > 0) out.push(`- ${TIE_MARK} **${c.label}** is tied with ${standing.tiedWith.join(', ')}`);
    if (c.droppedIterations)
      out.push(
        `- **${c.label}** dropped ${c.droppedIterations.toLocaleString('en-US')} iterations at maxInFlight (${formatPercent(c.dropRate)} of what was due)`,
      );
    if (c.failedThresholds.length > 0) out.push(`- **${c.label}** failed thresholds: ${c.failedThresholds.map((t) => `\`${t}\``).join(', ')}`);
  }
  return out.length > 0 ? [...out, ''] : [];
}

function variantTables(cells: readonly CellSummary[]): string[] {
  const out: string[] = [];
  const families = [...new Set(cells.filter((c) => c.variantStanding !== null).map((c) => c.implementation))].sort();
  for (const implementation of families) {
    const family = cells.filter((c) => c.implementation === implementation && c.variantStanding !== null).sort(byStandingOf((c) => c.variantStanding));
    out.push(
      `Variants of ${implementation} (ranked against each other only):`,
      '',
      mainTable(family, (c) => c.variantStanding!),
      '',
    );
  }
  return out;
}

/**
 * One scenario's section: per comparison group (profile × host class × driver × preset) the
 * main table of default configurations (throughput with its interval, CV, runs, latency
 * percentiles, errors, the server's CPU-seconds per 1,000 requests and peak RSS, verdict), a table per implementation measured in several variants,
 * resource use per role (CPU-seconds per 1,000 requests and peak RSS), the scenario's extra
 * figures, and notes on ties, unranked cells, drops and failed thresholds.
 */
export function renderScenario(model: ReportModel, scenario: string, cells: readonly CellSummary[]): string[] {
  const info = model.scenarios.find((s) => s.id === scenario);
  const out = [`### ${scenario}${info?.title ? ` — ${info.title}` : ''}`, ''];
  const groups = [...new Set(cells.map(comparisonKey))].sort();
  for (const group of groups) {
    const inGroup = cells.filter((c) => comparisonKey(c) === group).sort(byStanding);
    const { profile, hostClass, driver, preset } = inGroup[0]!;
    const loads = [...new Set(inGroup.map((c) => c.load))].join('; ');
    const defaults = inGroup.filter((c) => c.variant === 'default');
    out.push(
      `Category ${inGroup[0]!.category} · profile \`${profile}\` · host class \`${hostClass}\` · driver ${driver} · preset ${preset ?? 'not recorded'} · load ${loads}`,
      '',
      ...(defaults.length > 0 ? [mainTable(defaults), ''] : []),
      ...variantTables(inGroup),
    );
    const resources = resourceTable(inGroup);
    if (resources) out.push('Resources (CPU-seconds per 1,000 requests · peak RSS) per role:', '', resources, '');
    const extras = extrasTable(inGroup);
    if (extras) out.push('Scenario figures:', '', extras, '');
    out.push(...notes(inGroup));
  }
  return out;
}
