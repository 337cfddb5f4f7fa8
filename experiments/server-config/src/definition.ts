/**
 * The experiment definition as TypeScript sees it: `experiment.json` parsed and checked by the
 * same CommonJS module the Nx plugin uses (`libs/manifest/src/experiment.cjs`, exported by @lab/manifest as `experimentSchema`), here also against
 * the resource profiles, which only TypeScript can read.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_IN_PROFILES } from '@lab/isolation';
import { experimentSchema as experimentModule } from '@lab/manifest';

/** A validated experiment definition. */
export type ExperimentDefinition = Parameters<typeof experimentModule.expandPoints>[0];
/** One point of the matrix: implementation × variant × scenario × CPU budget × load (VUs or capacity). */
export type Point = ReturnType<typeof experimentModule.expandPoints>[number];
/** One problem of a definition: the file, the dotted field path, what is wrong and how to fix it. */
export interface DefinitionProblem {
  file: string;
  path: string;
  message: string;
  hint: string;
}

/** This experiment's folder and definition file, relative to the workspace root. */
export const EXPERIMENT_ROOT = 'experiments/server-config';
export const DEFINITION_FILE = `${EXPERIMENT_ROOT}/experiment.json`;

/** A definition that cannot be used: code LAB_EXPERIMENT_INVALID, with every problem. */
export class ExperimentError extends Error {
  readonly code = 'LAB_EXPERIMENT_INVALID';
  constructor(
    readonly problems: readonly DefinitionProblem[],
    readonly hint = 'fix each field named above; the schema is in libs/manifest/src/experiment.cjs',
  ) {
    super(experimentModule.formatProblems(problems[0]?.file ?? DEFINITION_FILE, problems));
  }
}

/**
 * Parses a definition's text against the workspace's implementations (with their variants),
 * scenarios and resource profiles; throws {@link ExperimentError} listing every problem.
 */
export function parseDefinition(text: string, file: string, facts: { implementations: Record<string, string[]>; scenarios: string[] }): ExperimentDefinition {
  const profiles = BUILT_IN_PROFILES.map((p) => ({ name: p.name, minCores: p.minCores }));
  const parsed = experimentModule.parseExperiment(text, file, { ...facts, profiles });
  if (!parsed.ok) throw new ExperimentError(parsed.problems);
  return parsed.definition;
}

/** Reads `file` (default this experiment's) and checks it against the workspace at `workspaceRoot`. */
export async function loadDefinition(workspaceRoot: string, file = DEFINITION_FILE): Promise<ExperimentDefinition> {
  const implementations: Record<string, string[]> = {};
  for (const id of await readdir(join(workspaceRoot, 'implementations'))) {
    const manifest = join(workspaceRoot, 'implementations', id, 'lab.json');
    if (!existsSync(manifest)) continue;
    const { variants = [] } = JSON.parse(await readFile(manifest, 'utf8')) as { variants?: Array<{ id: string }> };
    implementations[id] = variants.map((v) => v.id);
  }
  const scenarios = (await readdir(join(workspaceRoot, 'scenarios'))).filter((id) => existsSync(join(workspaceRoot, 'scenarios', id, 'scenario.ts')));
  return parseDefinition(await readFile(join(workspaceRoot, file), 'utf8'), file, { implementations, scenarios });
}

/** Every point of the definition, once, with the rounds that hold it. */
export const expandPoints: (definition: ExperimentDefinition) => Point[] = experimentModule.expandPoints;
