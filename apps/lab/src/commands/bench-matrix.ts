import { buildReportModel, MARKER_LEGEND, standingText, type ScenarioInfo } from '@lab/report';
import type { ResultFile } from '@lab/results';
import type { ErrorView } from '../cli/errors';
import type { Paint } from '../cli/paint';
import { textTable } from '../cli/text-table';

/** One finished cell as the end-of-suite table needs it. */
export interface MatrixCell {
  /** Column: the implementation, with `[variant]` when not the default. */
  impl: string;
  scenario: string;
  result?: ResultFile;
  error?: ErrorView;
}

/**
 * The end-of-suite table (stderr): scenario × implementation, each cell the req/s (geometric mean of runs) with
 * its 95 % CI and the report's markers (`#rank`, `≈` tie, `✗` failed validity, `○` unranked,
 * from `@lab/report`'s model, so the table agrees with `docs/benchmark-results.md`), or
 * `FAILED error[CODE]` for a cell that could not be measured. Ends with how many cells failed.
 */
export function renderMatrix(cells: readonly MatrixCell[], scenarios: readonly ScenarioInfo[], paint: Paint): string[] {
  const results = cells.flatMap((c) => (c.result && !c.error ? [c.result] : []));
  const model = buildReportModel(results, { scenarios });
  const impls = [...new Set(cells.map((c) => c.impl))];
  const scenarioIds = [...new Set(cells.map((c) => c.scenario))];
  const text = (impl: string, scenario: string): string => {
    const cell = cells.find((c) => c.impl === impl && c.scenario === scenario);
    if (!cell) return '–';
    if (cell.error || !cell.result) return `FAILED error[${cell.error?.code ?? 'unknown'}]`;
    const r = cell.result.cell;
    const summary = model.cells.find(
      (s) => s.implementation === r.implementation && s.variant === r.variant && s.scenario === r.scenario && s.profile === r.profile,
    );
    return summary ? standingText(summary) : '–';
  };
  const failed = cells.filter((c) => c.error).length;
  const invalid = cells.filter((c) => !c.error && c.result && c.result.validity.verdict !== 'valid').length;
  const rows = [['scenario', ...impls], ...scenarioIds.map((s) => [s, ...impls.map((i) => text(i, s))])];
  const tally = `${cells.length} cell${cells.length === 1 ? '' : 's'}: ${cells.length - failed} measured (${invalid} not valid), ${failed} failed`;
  return [
    paint.bold('Summary: req/s (geometric mean of runs) [95 % CI] per scenario × implementation'),
    ...textTable(rows),
    '',
    ...MARKER_LEGEND.map((l) => `  ${l}`),
    failed > 0 ? paint.red(`  ${tally}`) : `  ${tally}`,
  ];
}
