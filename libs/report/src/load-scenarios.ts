import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HYPOTHESES_FILE, parseHypothesesFile } from './hypotheses-file';
import type { HypothesisSpec, ScenarioInfo } from './report-model';

/** A scenario folder whose `scenario.ts` could not be imported or whose `hypotheses.json` is wrong, and why. */
export interface ScenarioLoadProblem {
  readonly folder: string;
  readonly message: string;
}

/**
 * Imports every `scenarios/<NN-slug>/scenario.ts` under `workspaceRoot` (through tsx) and keeps
 * what the report needs: id, title, category and hypotheses, those of `scenario.ts` followed by
 * those of its `hypotheses.json` (see ./hypotheses-file.ts). A scenario that fails to import is
 * returned as a problem, its cells then reported as `uncategorised`; a wrong hypotheses file is a
 * problem naming the file, the field and a hint, and its hypotheses are left out.
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
      const extra = await readHypotheses(join(dir, folder, HYPOTHESES_FILE), s.id, s.hypotheses ?? []);
      if ('problem' in extra) problems.push({ folder, message: extra.problem });
      scenarios.push({
        id: s.id,
        title: s.title,
        category: s.category,
        hypotheses: [...(s.hypotheses ?? []), ...('hypotheses' in extra ? extra.hypotheses : [])],
      });
    } catch (error) {
      problems.push({ folder, message: (error as Error).message.split('\n')[0] ?? String(error) });
    }
  }
  return { scenarios, problems };
}

/** The hypotheses of one `hypotheses.json` (none when absent), or why they cannot be used. */
async function readHypotheses(
  file: string,
  scenario: string,
  declared: readonly HypothesisSpec[],
): Promise<{ hypotheses: HypothesisSpec[] } | { problem: string }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return { hypotheses: [] };
  const parsed = parseHypothesesFile(text);
  if ('issues' in parsed) return { problem: `${HYPOTHESES_FILE}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')} (${parsed.hint})` };
  const clash = parsed.hypotheses.find((h) => declared.some((d) => d.id === h.id));
  if (clash) return { problem: `${HYPOTHESES_FILE}: hypothesis "${clash.id}" is also declared in scenario.ts (give it one home)` };
  const stranger = parsed.hypotheses.find((h) => 'compareCells' in h && h.compareCells.a.scenario !== scenario && h.compareCells.b.scenario !== scenario);
  return stranger
    ? { problem: `${HYPOTHESES_FILE}: hypothesis "${stranger.id}" compares two other scenarios (declare it in the folder of one of them)` }
    : parsed;
}
