import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HASHED_LAB_ENV } from '@lab/manifest';

/** A pair task's name: `bench-<impl>--<scenario>` (tools/nx-plugin/lab-plugin.cjs). */
export function pairProject(implementation: string, scenario: string): string {
  return `bench-${implementation}--${scenario}`;
}

/** The only variables a pair task's hash reads besides files and the host fingerprint. */
export interface HashedEnv {
  LAB_PRESET?: string;
  LAB_PROFILE?: string;
}

/**
 * The hash Nx gives each pair project's `bench` task in `workspace`, as `nx run <pair>:bench`
 * would compute it with `env` (LAB_PRESET, LAB_PROFILE; an absent key is unset): the same
 * project graph, task graph and task hasher, so a result recorded under this hash is exactly
 * what the pair task replays (apps/lab/src/commands/bench-replay.ts). Nothing runs but the
 * hash's runtime input (tools/bench/fingerprint.mjs). Nx resolves its workspace from the
 * current directory, so this changes into `workspace` first.
 *
 * Uses Nx's task hasher through its published `nx/src/*` entry points; an Nx upgrade that moves
 * them fails here loudly rather than hashing differently.
 */
export async function pairTaskHashes(workspace: string, projects: readonly string[], env: HashedEnv): Promise<Map<string, string>> {
  process.chdir(workspace);
  const require = createRequire(join(workspace, 'package.json'));
  const { createProjectGraphAsync } = require('nx/src/devkit-exports') as typeof import('nx/src/devkit-exports');
  const { readNxJson } = require('nx/src/config/nx-json') as typeof import('nx/src/config/nx-json');
  const { createTaskGraph } = require('nx/src/tasks-runner/create-task-graph') as typeof import('nx/src/tasks-runner/create-task-graph');
  const { createTaskHasher } = require('nx/src/hasher/create-task-hasher') as typeof import('nx/src/hasher/create-task-hasher');
  const { hashTask } = require('nx/src/hasher/hash-task') as typeof import('nx/src/hasher/hash-task');
  const { getTaskSpecificEnv } = require('nx/src/tasks-runner/task-env') as typeof import('nx/src/tasks-runner/task-env');
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const missing = projects.filter((p) => !graph.nodes[p]);
  if (missing.length > 0) throw new Error(`no Nx project ${missing.join(', ')} in ${workspace}`);
  const taskGraph = createTaskGraph(graph, {}, [...projects], ['bench'], undefined, {}, true);
  const hasher = createTaskHasher(graph, readNxJson(workspace));
  const hashes = new Map<string, string>();
  for (const task of Object.values(taskGraph.tasks)) {
    const taskEnv: NodeJS.ProcessEnv = { ...getTaskSpecificEnv(task, graph) };
    for (const key of HASHED_LAB_ENV) {
      if (env[key] === undefined) delete taskEnv[key];
      else taskEnv[key] = env[key];
    }
    await hashTask(hasher, graph, taskGraph, task, taskEnv, null);
    if (!task.hash) throw new Error(`Nx gave ${task.id} no hash`);
    hashes.set(task.target.project, task.hash);
  }
  return hashes;
}
