import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import {
  buildReportModel,
  collectResults,
  evaluateFindings,
  hostClassPages,
  loadScenarios,
  renderDiscoveries,
  renderHeadline,
  renderMarkdown,
  replaceHeadline,
  type HostClassPage,
  type ReportScope,
  type ScenarioInfo,
} from '@lab/report';
import type { LoadedResult } from '@lab/results';

/** What {@link runReport} needs; relative paths are relative to `workspaceRoot`, absolute ones are kept. */
export interface RunReportOptions {
  readonly workspaceRoot: string;
  readonly scope: ReportScope;
  /** Result roots, read recursively. Default: {@link defaultResultDirs} of the scope. */
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

/**
 * Default result roots of a scope. The workspace report is what the repository commits (docs/,
 * DISCOVERIES.md, the README's headline), so it reads results/published only: the same files give
 * the same bytes on every clone, whatever this machine has measured. A scenario's or an
 * implementation's report (written under dist/) also reads this machine's results/raw, after the
 * published ones.
 */
export function defaultResultDirs(scope: ReportScope): readonly string[] {
  return scope.kind === 'workspace' ? ['results/published'] : ['results/published', 'results/raw'];
}

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
 * Results from several host classes (CPU model × cores) make several pages: the class with the
 * most valid cells is the main page (and feeds DISCOVERIES.md and the headline), every other
 * class gets `results/<host-class-slug>.md` beside it.
 * Returns the files written and the warnings (unusable files, scenarios that failed to load).
 */
export async function runReport(options: RunReportOptions): Promise<{ written: string[]; warnings: string[]; cells: number }> {
  const root = options.workspaceRoot;
  // An absolute path stays as given; a relative one is taken from the workspace root.
  const at = (p: string) => resolve(root, p);
  const catalogue = options.scenariosJson
    ? { scenarios: JSON.parse(await readFile(at(options.scenariosJson), 'utf8')) as ScenarioInfo[], problems: [] }
    : await loadScenarios(root);
  const { results, problems } = await collectResults((options.resultDirs ?? defaultResultDirs(options.scope)).map(at));
  const rel = (f: string) => relative(root, f);
  const loaded = results.map((r) => ({ ...r, file: rel(r.file) }));
  const modelOf = (subset: readonly LoadedResult[]) =>
    buildReportModel(subset, { scenarios: catalogue.scenarios, scope: options.scope, problems: problems.map((p) => ({ ...p, file: rel(p.file) })) });
  const out = options.out ?? defaultOut(options.scope);
  // The workspace page shows one host class; every other class found gets a page of its own.
  const pages = options.scope.kind === 'workspace' ? hostClassPages(loaded) : [];
  const model = modelOf(pages.length > 1 ? pages[0]!.results : loaded);
  const otherPage = (page: HostClassPage) => join(dirname(out), 'results', `${page.slug}.md`);
  const linkFrom = (from: string, to: string) =>
    relative(dirname(at(from)), at(to))
      .split('\\')
      .join('/');
  const prefaceOf = (page: HostClassPage, file: string) =>
    pages.length > 1 ? hostClassPreface(page, pages, (p) => linkFrom(file, p === pages[0] ? out : otherPage(p))) : [];
  await writeText(at(out), renderMarkdown(model, pages.length > 1 ? prefaceOf(pages[0]!, out) : []));
  const written = [out];
  for (const page of pages.slice(1)) {
    const file = otherPage(page);
    await writeText(at(file), renderMarkdown(modelOf(page.results), prefaceOf(page, file)));
    written.push(file);
  }
  if (options.scope.kind === 'workspace') {
    const discoveries = options.discoveriesOut ?? 'learnings/DISCOVERIES.md';
    await writeText(at(discoveries), renderDiscoveries(evaluateFindings(model)));
    written.push(discoveries);
    const readme = options.readme ?? (options.out === undefined ? 'README.md' : undefined);
    const readmeText = readme === undefined ? null : await readFile(at(readme), 'utf8').catch(() => null);
    const updated = readmeText === null ? undefined : replaceHeadline(readmeText, renderHeadline(model, linkFrom(readme ?? out, out)));
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

/**
 * The lines under a page's title when results come from several host classes: which class this
 * page shows, and a link to each other class's page.
 */
export function hostClassPreface(page: HostClassPage, pages: readonly HostClassPage[], linkTo: (p: HostClassPage) => string): string[] {
  const files = (p: HostClassPage) => `${p.results.length} result file${p.results.length === 1 ? '' : 's'}, ${p.validCells} valid`;
  const others = pages.filter((p) => p !== page).map((p) => `[${p.hostClass}](${linkTo(p)}) (${files(p)})`);
  return [
    `Host class of this page: **${page.hostClass}** (${files(page)}). Results from other CPU models are never ranked with these; each host class has its own page: ${others.join(', ')}.`,
    '',
  ];
}
