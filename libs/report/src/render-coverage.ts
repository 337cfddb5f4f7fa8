import type { CellSummary, ReportModel } from './report-model';

/**
 * What the page does not hold yet: the catalogue's scenarios with no cell at all, and, for the
 * scenarios measured, the implementations (of those seen on the page) without a cell of their
 * default configuration. Workspace pages only: a gap in a published matrix is shown, never
 * silently missing.
 */
export function renderCoverage(model: ReportModel, cells: readonly CellSummary[]): string[] {
  if (model.scope.kind !== 'workspace') return [];
  const impls = [...new Set(cells.map((c) => c.implementation))].sort();
  const measured = new Set(cells.map((c) => c.scenario));
  const unmeasured = model.scenarios.map((s) => s.id).filter((id) => !measured.has(id));
  const partial = [...measured].sort().flatMap((scenario) => {
    const missing = impls.filter((impl) => !cells.some((c) => c.scenario === scenario && c.implementation === impl && c.variant === 'default'));
    return missing.length > 0 ? [`- ${scenario}: no cell of ${missing.join(', ')}.`] : [];
  });
  if (unmeasured.length === 0 && partial.length === 0) return [];
  const total = (model.scenarios.length || measured.size) * impls.length;
  const have = new Set(cells.filter((c) => c.variant === 'default').map((c) => `${c.scenario}|${c.implementation}`)).size;
  return [
    '## Not measured yet',
    '',
    `${have} of ${total} scenario × implementation cells (default configurations of the ${impls.length} implementations on this page) have a result.`,
    '',
    ...(unmeasured.length > 0 ? [`- No cell yet: ${unmeasured.join(', ')}.`] : []),
    ...partial,
    '',
  ];
}
