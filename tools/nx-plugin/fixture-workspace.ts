import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** This repository's root. */
export const REPO = resolve(__dirname, '../..');

/**
 * Copies what the Nx plugin needs into a temporary workspace `root`: the plugin itself, the
 * CommonJS schemas and facts it and the host fingerprint script its bench tasks hash require from
 * libs/manifest (unless the workspace links the whole of libs), and that script.
 */
export function copyPluginFiles(root: string, options: { manifestLib?: boolean } = {}): void {
  mkdirSync(join(root, 'tools/nx-plugin'), { recursive: true });
  for (const file of ['lab-plugin.cjs', 'experiment-projects.cjs']) copyFileSync(join(REPO, 'tools/nx-plugin', file), join(root, 'tools/nx-plugin', file));
  if (options.manifestLib !== false) {
    mkdirSync(join(root, 'libs/manifest/src'), { recursive: true });
    for (const file of ['manifest.cjs', 'manifest-problems.cjs', 'experiment.cjs', 'bench-task.cjs', 'host-facts.cjs', 'result-file.cjs'])
      copyFileSync(join(REPO, 'libs/manifest/src', file), join(root, 'libs/manifest/src', file));
  }
  mkdirSync(join(root, 'tools/bench'), { recursive: true });
  copyFileSync(join(REPO, 'tools/bench/fingerprint.mjs'), join(root, 'tools/bench/fingerprint.mjs'));
}

/**
 * The environment to run Nx in the temporary workspace `root`: this process's, without its NX_
 * variables (the test may itself run inside an Nx task) nor, with `dropLab`, its LAB_ ones; daemon,
 * cloud, plugin isolation and TUI off; cache and workspace data inside `root`.
 */
export function nxEnv(root: string, options: { dropLab?: boolean } = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !key.startsWith('NX_') && !(options.dropLab && key.startsWith('LAB_')));
  return {
    ...Object.fromEntries(kept),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_ISOLATE_PLUGINS: 'false',
    NX_TUI: 'false',
    NX_CACHE_DIRECTORY: join(root, '.nx/cache'),
    NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx/workspace-data'),
  };
}
