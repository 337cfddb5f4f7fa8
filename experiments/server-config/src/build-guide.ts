/**
 * The whole report pipeline of the experiment as one function: definition → points → their
 * result files → summary → guide text. Writes nothing; `main.ts` and the tests call it.
 */
import { expandPoints, loadDefinition } from './definition';
import { experimentDir, readPointOutcomes } from './point-outcome';
import { renderGuide, type OtherGuide } from './render-guide';
import { choosePublishedSource } from './result-source';
import { summarizeExperiment, type ExperimentSummary } from './summarize-experiment';

/**
 * Options of {@link buildSummary}: the workspace, this host's cores and where the results are.
 * Which points are skipped for want of cores is decided by the cores of the host that measured the
 * results (one host class per folder), so published results give the same summary on any machine;
 * `hostCores` only when no point is measured.
 */
export interface BuildSummaryOptions {
  workspaceRoot: string;
  /** The folder of point results (relative to the workspace); default {@link choosePublishedSource}'s choice, so what is committed. */
  resultsDir?: string;
  hostCores: number;
}

/** Options of {@link buildGuide}: those of {@link buildSummary}, the command the guide names and the other host classes' guides it links to. */
export interface BuildGuideOptions extends BuildSummaryOptions {
  command: string;
  otherGuides?: readonly OtherGuide[];
}

/**
 * Reads the definition and every point's result under `workspaceRoot`; returns the summary, the
 * folder it was read from and when its newest result was written (null: none).
 */
export async function buildSummary(options: BuildSummaryOptions): Promise<{ summary: ExperimentSummary; dir: string; newest: string | null }> {
  const definition = await loadDefinition(options.workspaceRoot);
  const points = expandPoints(definition);
  const dir =
    options.resultsDir ?? (await choosePublishedSource(options.workspaceRoot, definition.id, points))?.dir ?? experimentDir('published', definition.id);
  const outcomes = await readPointOutcomes(options.workspaceRoot, definition.id, points, dir);
  const stamps = outcomes.flatMap((o) => (o.measuredAt === null ? [] : [o.measuredAt])).sort();
  const measuredOn = [...new Set(outcomes.flatMap((o) => (o.measuredCores === null ? [] : [o.measuredCores])))];
  const cores = measuredOn.length === 1 ? measuredOn[0]! : options.hostCores;
  return { summary: summarizeExperiment(definition, outcomes, cores), dir, newest: stamps.at(-1) ?? null };
}

/** {@link buildSummary}, and the guide's markdown. */
export async function buildGuide(options: BuildGuideOptions): Promise<{ summary: ExperimentSummary; guide: string }> {
  const built = await buildSummary(options);
  return { summary: built.summary, guide: guideText(built, options) };
}

/** The guide's markdown from what {@link buildSummary} returned. */
export function guideText(
  { summary, dir, newest }: Awaited<ReturnType<typeof buildSummary>>,
  options: Pick<BuildGuideOptions, 'command' | 'otherGuides'>,
): string {
  // The day of the newest result, not today: the same result files give the same guide.
  const generated = { command: options.command, date: newest?.slice(0, 10) ?? null, source: dir.split('\\').join('/'), otherGuides: options.otherGuides ?? [] };
  return renderGuide(summary, generated);
}
