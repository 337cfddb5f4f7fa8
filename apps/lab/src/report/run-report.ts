import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import {
  buildReportModel,
  collectResults,
  evaluateFindings,
  loadScenarios,
  renderDiscoveries,
  renderHeadline,
  renderMarkdown,
  replaceHeadline,
  type ReportScope,
  type ScenarioInfo,
} from '@lab/report';

/** What {@link runReport} needs; relative paths are relative to `workspaceRoot`, absolute ones are kept. */
export interface RunReportOptions {
  readonly workspaceRoot: string;
  readonly scope: ReportScope;
  /** Result roots, read recursively. Default: results/published then results/raw. */
  readonly resultDirs?: readonly string[];
  /** The markdown file. Default: docs/benchmark-results.md (workspace) or dist/reports/<scope>.md. */
  readonly out?: string;
  /** DISCOVERIES.md (workspace scope only). Default: learnings/DISCOVERIES.md. */
  readonly discoveriesOut?: string;
  /** A JSON scenario catalogue to use instead of importing each scenarios/<id>/scenario.ts. */
  readonly scenariosJson?: string;
  /**
   * The file whose headline markers get the headline table (workspace scope only). Default:
   * README.md when the page itself goes to its default place, else none.
   */
  readonly readme?: string;
}

/** Default result roots, in order: published results, then this machine's raw results. */
export const DEFAULT_RESULT_DIRS = ['results/published', 'results/raw'] as const;

/** Where a scope's markdown goes by default. */
export function defaultOut(scope: ReportScope): string {
  if (scope.kind === 'workspace') return 'docs/benchmark-results.md';
  return `dist/reports/${scope.kind === 'scenario' ? 'scenario' : 'impl'}-${scope.id}.md`;
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const previous = await readFile(file, 'utf8').catch(() => null);
  if (previous !== text) await writeFile(file, text);
}

/**
 * Reads result files, builds the model and writes the scope's markdown (and, for the workspace,
 * DISCOVERIES.md and the headline table between the README's headline markers, when it has them). With no result files it writes a "no results yet" page rather than failing.
 * Returns the files written and the warnings (unusable files, scenarios that failed to load).
 */
export async function runReport(options: RunReportOptions): Promise<{ written: string[]; warnings: string[]; cells: number }> {
  const root = options.workspaceRoot;
  // An absolute path stays as given; a relative one is taken from the workspace root.
  const at = (p: string) => resolve(root, p);
  const catalogue = options.scenariosJson
    ? { scenarios: JSON.parse(await readFile(at(options.scenariosJson), 'utf8')) as ScenarioInfo[], problems: [] }
    : await loadScenarios(root);
  const { results, problems } = await collectResults((options.resultDirs ?? DEFAULT_RESULT_DIRS).map(at));
  const rel = (f: string) => relative(root, f);
  const model = buildReportModel(
    results.map((r) => ({ ...r, file: rel(r.file) })),
    { scenarios: catalogue.scenarios, scope: options.scope, problems: problems.map((p) => ({ ...p, file: rel(p.file) })) },
  );
  const out = options.out ?? defaultOut(options.scope);
  await writeText(at(out), renderMarkdown(model));
  const written = [out];
  if (options.scope.kind === 'workspace') {
    const discoveries = options.discoveriesOut ?? 'learnings/DISCOVERIES.md';
    await writeText(at(discoveries), renderDiscoveries(evaluateFindings(model)));
    written.push(discoveries);
    const readme = options.readme ?? (options.out === undefined ? 'README.md' : undefined);
    const readmeText = readme === undefined ? null : await readFile(at(readme), 'utf8').catch(() => null);
    const link = relative(dirname(at(readme ?? out)), at(out))
      .split('\\')
      .join('/');
    const updated = readmeText === null ? undefined : replaceHeadline(readmeText, renderHeadline(model, link));
    if (readme !== undefined && updated !== undefined) {
      await writeText(at(readme), updated);
      written.push(readme);
    }
  }
  const warnings = [
    ...model.problems.map((p) => `${p.file}: ${p.code}: ${p.message.split('\n')[0]}`),
    ...catalogue.problems.map((p) => `scenarios/${p.folder}: not loaded: ${p.message}`),
  ];
  return { written, warnings, cells: model.cells.length };
}
