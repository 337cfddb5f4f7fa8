import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderProblem, parseManifest, type ImplManifest, type ManifestProblem } from './impl-manifest';

/** An implementation found in the workspace. */
export interface ImplEntry {
  /** Folder name, e.g. `typescript-node-http` (also its Nx project name). */
  id: string;
  /** Folder relative to the workspace root, e.g. `implementations/typescript-node-http`. */
  root: string;
  /** Absolute folder path: the working directory of its commands. */
  dir: string;
  manifest: ImplManifest;
}

/** A scenario found in the workspace (its Nx project is `scenario-<id>`). */
export interface ScenarioEntry {
  /** Folder name, `NN-slug`, e.g. `02-json`. */
  id: string;
  /** Folder relative to the workspace root, e.g. `scenarios/02-json`. */
  root: string;
}

/** Everything `loadManifests` found; invalid manifests are left out of `impls` and listed in `problems`. */
export interface LoadedManifests {
  impls: ImplEntry[];
  scenarios: ScenarioEntry[];
  problems: ManifestProblem[];
}

/**
 * Finds `implementations/<id>/lab.json` and `scenarios/<NN-slug>/scenario.ts` under a workspace
 * (the same files the Nx plugin infers projects from), validates every manifest and reports all
 * problems at once instead of throwing. Folders without those files are skipped. Sorted by id.
 */
export function loadManifests(workspaceRoot: string): LoadedManifests {
  const impls: ImplEntry[] = [];
  const scenarios: ScenarioEntry[] = [];
  const problems: ManifestProblem[] = [];
  for (const id of foldersWith(workspaceRoot, 'implementations', 'lab.json')) {
    const root = `implementations/${id}`;
    const file = `${root}/lab.json`;
    const badName = folderProblem('implementation', id, file);
    if (badName) {
      problems.push(badName);
      continue;
    }
    const parsed = parseManifest(readFileSync(join(workspaceRoot, file), 'utf8'), file);
    if (parsed.ok) impls.push({ id, root, dir: join(workspaceRoot, root), manifest: parsed.manifest });
    else problems.push(...parsed.problems);
  }
  for (const id of foldersWith(workspaceRoot, 'scenarios', 'scenario.ts')) {
    const badName = folderProblem('scenario', id, `scenarios/${id}/scenario.ts`);
    if (badName) problems.push(badName);
    else scenarios.push({ id, root: `scenarios/${id}` });
  }
  return { impls, scenarios, problems };
}

/** Sorted names of the folders under `<workspaceRoot>/<parent>` that contain `file`. */
function foldersWith(workspaceRoot: string, parent: string, file: string): string[] {
  const dir = join(workspaceRoot, parent);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, file)))
    .map((entry) => entry.name)
    .sort();
}
