/**
 * The whole report pipeline of the experiment as one function: definition → points → their
 * result files → summary → guide text. Writes nothing; `main.ts` and the tests call it.
 */
import { expandPoints, loadDefinition } from './definition';
import { readPointOutcomes } from './point-outcome';
import { renderGuide } from './render-guide';
import { chooseResultSource } from './result-source';
import { summarizeExperiment, type ExperimentSummary } from './summarize-experiment';

/** Options of {@link buildGuide}: the workspace, the host's cores (which points are skipped) and the generation stamp. */
export interface BuildGuideOptions {
  workspaceRoot: string;
  /** The folder of point results (relative to the workspace); default {@link chooseResultSource}'s choice. */
  resultsDir?: string;
  hostCores: number;
  command: string;
  date: string;
}

/** Reads the definition and every point's result under `workspaceRoot`; returns the summary and the guide's markdown. */
export async function buildGuide(options: BuildGuideOptions): Promise<{ summary: ExperimentSummary; guide: string }> {
  const definition = await loadDefinition(options.workspaceRoot);
  const points = expandPoints(definition);
  const dir = options.resultsDir ?? (await chooseResultSource(options.workspaceRoot, definition.id, points)).dir;
  const outcomes = await readPointOutcomes(options.workspaceRoot, definition.id, points, dir);
  const summary = summarizeExperiment(definition, outcomes, options.hostCores);
  return { summary, guide: renderGuide(summary, { command: options.command, date: options.date, source: dir.split('\\').join('/') }) };
}
