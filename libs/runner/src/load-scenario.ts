import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '@lab/engine';
import { RunnerError } from './errors';

/**
 * Imports `<workspaceRoot>/scenarios/<id>/scenario.ts` (through the caller's TypeScript loader,
 * e.g. tsx) and returns its default export, which `defineScenario` already validated.
 */
export async function loadScenario(workspaceRoot: string, id: string): Promise<Scenario<any>> {
  const file = join(workspaceRoot, 'scenarios', id, 'scenario.ts');
  let mod: { default?: unknown; scenario?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as typeof mod;
  } catch (cause) {
    throw new RunnerError('LAB_RUNNER_OPTIONS_INVALID', `cannot load scenario ${id} from ${file}: ${(cause as Error).message}`, {
      cause,
      hint: 'scenario ids are the folder names under scenarios/ (`lab list`)',
    });
  }
  const scenario = (mod.default ?? mod.scenario) as Scenario<any> | undefined;
  if (!scenario || typeof scenario.iteration !== 'function' || !scenario.parsedThresholds) {
    throw new RunnerError('LAB_RUNNER_OPTIONS_INVALID', `${file} must export default defineScenario({ … })`);
  }
  return scenario;
}
