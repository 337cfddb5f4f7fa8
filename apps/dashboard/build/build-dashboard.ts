import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { buildReportModel, collectResults, hostClassPages, toDashboardData, type ScenarioInfo } from '@lab/report';
import { loadScenarios } from '@lab/report';
import { SERVER_CONFIG_PAGE, serverConfigPage } from './server-config-page';
import { dashboardViteConfig } from './vite-config';

/** Options of {@link buildDashboard}; relative paths are resolved against `workspaceRoot`. */
export interface BuildDashboardOptions {
  readonly workspaceRoot: string;
  /** Result roots, read recursively. Default results/published (committed, so Nx can hash it). */
  readonly resultDirs?: readonly string[];
  /** A JSON scenario catalogue instead of importing scenarios/<id>/scenario.ts. */
  readonly scenariosJson?: string;
  /** Default apps/dashboard/dist. */
  readonly outDir?: string;
  /** The server-config experiment's point results; default the results/published host-class folder with the most points. */
  readonly experimentResults?: string;
}

/**
 * Builds the static dashboard: result files → report model → dashboard data → vite bundle
 * with the data embedded (index.html opens from file://; data.json sits next to it). Like
 * docs/benchmark-results.md it shows one host class: the one with the most valid cells. Beside
 * it, the server-config experiment's page ({@link SERVER_CONFIG_PAGE}), which index.html links to.
 */
export async function buildDashboard(options: BuildDashboardOptions): Promise<{ outDir: string; cells: number; experimentPoints: number; problems: string[] }> {
  const at = (p: string) => join(options.workspaceRoot, p);
  const scenarios = options.scenariosJson
    ? (JSON.parse(await readFile(at(options.scenariosJson), 'utf8')) as ScenarioInfo[])
    : (await loadScenarios(options.workspaceRoot)).scenarios;
  const { results, problems } = await collectResults((options.resultDirs ?? ['results/published']).map(at));
  const main = hostClassPages(results)[0]?.results ?? [];
  const data = toDashboardData(buildReportModel(main, { scenarios, problems }));
  const outDir = at(options.outDir ?? 'apps/dashboard/dist');
  await build(dashboardViteConfig(data, outDir));
  const experiment = await serverConfigPage(options.workspaceRoot, options.experimentResults);
  if (experiment) await writeFile(join(outDir, SERVER_CONFIG_PAGE), experiment.html);
  else {
    // No experiment in this workspace: no page, so no link to it either.
    const index = join(outDir, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/<p><a id="link-server-config"[\s\S]*?<\/p>\s*/, ''));
  }
  return { outDir, cells: data.cells.length, experimentPoints: experiment?.measured ?? 0, problems: problems.map((p) => `${p.file}: ${p.code}`) };
}
