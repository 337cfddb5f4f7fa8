/**
 * The dashboard's page of the server-configuration experiment (server-config.html, linked from
 * index.html): the experiment's summary rendered by `renderServerConfigPage`. Like the rest of
 * the dashboard it shows committed results only: by default the host-class folder under
 * results/published holding the most points of the experiment.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildSummary } from '../../../experiments/server-config/src/build-guide';
import { DEFINITION_FILE } from '../../../experiments/server-config/src/definition';
import { renderServerConfigPage } from '../src/server-config/render-page';

/** The page's file name in the dashboard's output folder. */
export const SERVER_CONFIG_PAGE = 'server-config.html';

/**
 * The page's HTML and how many points it shows; `resultsDir` (relative to the workspace) overrides
 * the folder. Null in a workspace without the experiment's definition (a partial copy).
 */
export async function serverConfigPage(workspaceRoot: string, resultsDir?: string): Promise<{ html: string; measured: number } | null> {
  if (!existsSync(join(workspaceRoot, DEFINITION_FILE))) return null;
  const { summary } = await buildSummary({
    workspaceRoot,
    hostCores: availableParallelism(),
    ...(resultsDir ? { resultsDir } : {}),
  });
  return { html: renderServerConfigPage(summary), measured: summary.coverage.measured };
}
