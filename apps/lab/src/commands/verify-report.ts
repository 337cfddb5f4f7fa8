import { endpointGroups, endpoints } from '@lab/contract';
import { statementProfiles, type ConformanceReport } from '@lab/conformance';
import type { Paint } from '../cli/paint';
import { textTable } from '../cli/text-table';

const groupOfEndpoint = new Map<string, string>(endpoints.map((e) => [`${e.method} ${e.path}`, e.group]));

/** The endpoint group of a check's primary endpoint (`METHOD /path`), `other` when unknown. */
export function groupOf(endpoint: string): string {
  return groupOfEndpoint.get(endpoint) ?? 'other';
}

/**
 * A conformance report for people: per group, checks passed/failed/skipped; then each problem
 * as `error[check-id] METHOD /path: message` (warnings as `warning[...]`).
 */
export function renderVerifyReport(title: string, report: ConformanceReport, paint: Paint): string[] {
  const groups = new Map<string, { passed: number; failed: number; skipped: number }>();
  for (const check of report.checks) {
    const g = groupOf(check.endpoint);
    const counts = groups.get(g) ?? { passed: 0, failed: 0, skipped: 0 };
    if (check.skipped) counts.skipped += 1;
    else if (check.ok) counts.passed += 1;
    else counts.failed += 1;
    groups.set(g, counts);
  }
  const order = [...endpointGroups, 'other'].filter((g) => groups.has(g));
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const verdict = report.passed ? paint.green('PASS') : paint.red('FAIL');
  return [
    `${paint.bold(title)}: ${verdict} — ${report.checks.length} checks, ${errors.length} error(s), ${warnings.length} warning(s)`,
    ...textTable(
      order.map((g) => {
        const c = groups.get(g)!;
        return [g, `${c.passed} passed`, `${c.failed} failed`, ...(c.skipped ? [`${c.skipped} skipped`] : [])];
      }),
    ),
    framingSummary(report),
    ...statementsSummary(report),
    ...errors.map((p) => `${paint.red(`error[${p.check}]`)} ${p.endpoint}: ${p.message}`),
    ...warnings.map((p) => `${paint.yellow(`warning[${p.check}]`)} ${p.endpoint}: ${p.message}`),
    ...report.checks.filter((c) => c.skipped).map((c) => paint.dim(`skipped[${c.id}] ${c.endpoint}: ${c.skipped}`)),
  ];
}

/**
 * One line on how responses were framed (Content-Length vs chunked, keep-alive), so a framing
 * difference between implementations is visible even when it is only a warning.
 */
export function framingSummary(report: ConformanceReport): string {
  const endpoints = new Set(report.framing.map((f) => f.endpoint));
  const chunked = new Set(report.framing.filter((f) => f.chunked).map((f) => f.endpoint));
  const closed = new Set(report.framing.filter((f) => !f.keepAlive).map((f) => f.endpoint));
  return `framing: ${endpoints.size} endpoints seen, ${endpoints.size - chunked.size} with Content-Length, ${chunked.size} chunked, ${closed.size} closing the connection`;
}

/**
 * The SQL statements per request the database saw for each profiled endpoint, by kind, e.g.
 * `GET /users  3  BEGIN 1 · SELECT 1 · ROLLBACK 1`; nothing when none was profiled.
 */
export function statementsSummary(report: ConformanceReport): string[] {
  const profiles = statementProfiles(report);
  if (profiles.length === 0) return [];
  const kinds = (byKind: Record<string, number>) =>
    Object.entries(byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ') || 'none';
  return ['statements per request (pg_stat_statements):', ...textTable(profiles.map((p) => [p.endpoint, String(p.perRequest), kinds(p.byKind)]))];
}
