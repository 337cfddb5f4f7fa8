import { ReportError } from './errors';
import { renderCoverage } from './render-coverage';
import { renderHeader, renderLegend, renderProblems } from './render-header';
import { categoriesOf, renderMatrices } from './render-matrix';
import { renderImplementations } from './render-implementations';
import { renderOverview } from './render-overview';
import { renderScenario } from './render-scenario';
import type { CellSummary, ReportModel, ReportScope } from './report-model';

/** Parses `workspace`, `scenario:<id>` or `impl:<id>`; throws LAB_REPORT_INVALID_SCOPE otherwise. */
export function parseScope(text: string): ReportScope {
  if (text === 'workspace') return { kind: 'workspace' };
  const match = /^(scenario|impl):([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(text);
  if (!match) throw new ReportError('LAB_REPORT_INVALID_SCOPE', `unknown report scope "${text}"`);
  return match[1] === 'scenario' ? { kind: 'scenario', id: match[2]! } : { kind: 'implementation', id: match[2]! };
}

/** The cells a scope shows. */
export function cellsInScope(model: ReportModel): CellSummary[] {
  const { scope } = model;
  if (scope.kind === 'scenario') return model.cells.filter((c) => c.scenario === scope.id);
  if (scope.kind === 'implementation') return model.cells.filter((c) => c.implementation === scope.id);
  return [...model.cells];
}

function titleOf(scope: ReportScope): string {
  if (scope.kind === 'scenario') return `Benchmark results — scenario ${scope.id}`;
  if (scope.kind === 'implementation') return `Benchmark results — ${scope.id}`;
  return 'Benchmark results';
}

/** The document written when there is nothing to report yet (never a failure). */
export function renderNoResults(model: ReportModel, preface: readonly string[] = []): string {
  return [
    `# ${titleOf(model.scope)}`,
    '',
    ...preface,
    '**No results yet.** No valid result file matched this report.',
    '',
    'Measure cells with `nx run-many -t bench` (or `npm run lab -- bench …`); their result files land in',
    '`results/raw/<implementation>/<scenario>.json`. Published results are committed under `results/published/`:',
    '`npm run lab -- publish` measures every cell not yet published there (docs/publishing.md).',
    'Then regenerate this page with `nx run reports:report`.',
    '',
    ...renderLegend(model),
    ...renderProblems(model),
  ].join('\n');
}

/**
 * Renders the model as markdown for its scope — a thin exporter over the shared model:
 * header (hosts, profiles, legend, tie rule), the overview (each cell as a share of its
 * scenario's best valid cell), the cells not measured yet, per category a scenario × implementation matrix of req/s
 * (geometric mean of runs) with its interval and markers, one section per scenario (latency
 * percentiles, errors, CV, runs, resources per role, extras, ties and invalid cells), a profile
 * per implementation, then unusable files.
 * With no cell in scope it renders {@link renderNoResults}. `preface` (lines, e.g. links to the
 * pages of other host classes) goes right under the title.
 */
export function renderMarkdown(model: ReportModel, preface: readonly string[] = []): string {
  const cells = cellsInScope(model);
  if (cells.length === 0) return renderNoResults(model, preface);
  const out = [
    `# ${titleOf(model.scope)}`,
    '',
    ...preface,
    ...renderHeader(model, cells.length),
    ...renderOverview(model, cells),
    ...renderCoverage(model, cells),
    ...renderMatrices(model, cells),
  ];
  out.push('## Scenarios', '');
  for (const category of categoriesOf(cells)) {
    const scenarios = [...new Set(cells.filter((c) => c.category === category).map((c) => c.scenario))].sort();
    for (const scenario of scenarios)
      out.push(
        ...renderScenario(
          model,
          scenario,
          cells.filter((c) => c.scenario === scenario),
        ),
      );
  }
  out.push(...renderImplementations(model, cells), ...renderProblems(model));
  return `${out.join('\n').trimEnd()}\n`;
}
