import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ScenarioInfo } from './report-model';

/** A scenario folder whose `scenario.ts` could not be imported, and why. */
export interface ScenarioLoadProblem {
  readonly folder: string;
  readonly message: string;
}

/**
 * Imports every `scenarios/<NN-slug>/scenario.ts` under `workspaceRoot` (through tsx) and keeps
 * what the report needs: id, title, category and hypotheses. A scenario that fails to import is
 * returned as a problem; its cells are then reported as `uncategorised`.
 */
export async function loadScenarios(workspaceRoot: string): Promise<{ scenarios: ScenarioInfo[]; problems: ScenarioLoadProblem[] }> {
  const dir = join(workspaceRoot, 'scenarios');
  const folders = await readdir(dir, { withFileTypes: true }).then(
    (entries) =>
      entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    () => [] as string[],
  );
  const scenarios: ScenarioInfo[] = [];
  const problems: ScenarioLoadProblem[] = [];
  for (const folder of folders) {
    try {
      const mod = (await import(pathToFileURL(join(dir, folder, 'scenario.ts')).href)) as { default?: ScenarioInfo };
      const s = mod.default;
      if (!s || typeof s.id !== 'string') throw new Error('no default export from defineScenario');
      scenarios.push({ id: s.id, title: s.title, category: s.category, hypotheses: s.hypotheses ?? [] });
    } catch (error) {
      problems.push({ folder, message: (error as Error).message.split('\n')[0] ?? String(error) });
    }
  }
  return { scenarios, problems };
}
