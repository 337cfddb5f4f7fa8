/**
 * The whole report pipeline of the experiment as one function: definition → points → their
 * result files → summary → guide text. Writes nothing; `main.ts` and the tests call it.
 */
import { expandPoints, loadDefinition } from './definition';
import { experimentDir, readPointOutcomes } from './point-outcome';
import { renderGuide } from './render-guide';
import { choosePublishedSource, chooseResultSource } from './result-source';
import { summarizeExperiment, type ExperimentSummary } from './summarize-experiment';

/** Options of {@link buildSummary}: the workspace, the host's cores (which points are skipped) and where the results are. */
export interface BuildSummaryOptions {
  workspaceRoot: string;
  /** The folder of point results (relative to the workspace); default {@link chooseResultSource}'s choice, or with `publishedOnly` {@link choosePublishedSource}'s. */
  resultsDir?: string;
  /** Read committed results only (results/published), never this machine's raw ones. */
  publishedOnly?: boolean;
  hostCores: number;
}

/** Options of {@link buildGuide}: those of {@link buildSummary} and the generation stamp. */
export interface BuildGuideOptions extends BuildSummaryOptions {
  command: string;
  date: string;
}

/** Reads the definition and every point's result under `workspaceRoot`; returns the summary and the folder it was read from. */
export async function buildSummary(options: BuildSummaryOptions): Promise<{ summary: ExperimentSummary; dir: string }> {
  const definition = await loadDefinition(options.workspaceRoot);
  const points = expandPoints(definition);
  const dir =
    options.resultsDir ??
    (options.publishedOnly
      ? ((await choosePublishedSource(options.workspaceRoot, definition.id, points))?.dir ?? experimentDir('published', definition.id))
      : (await chooseResultSource(options.workspaceRoot, definition.id, points)).dir);
  const outcomes = await readPointOutcomes(options.workspaceRoot, definition.id, points, dir);
  return { summary: summarizeExperiment(definition, outcomes, options.hostCores), dir };
}

/** {@link buildSummary}, and the guide's markdown. */
export async function buildGuide(options: BuildGuideOptions): Promise<{ summary: ExperimentSummary; guide: string }> {
  const { summary, dir } = await buildSummary(options);
  return { summary, guide: renderGuide(summary, { command: options.command, date: options.date, source: dir.split('\\').join('/') }) };
}
