/**
 * Builds the dashboard (the `dashboard:build` target):
 *   node --import tsx apps/dashboard/build/build.ts [--results <dir>]... [--scenarios-json <file>] [--experiment-results <dir>] [--out <dir>]
 * Defaults: results/published → apps/dashboard/dist (index.html, and server-config.html from the
 * experiment's published points). stdout: the index.html path.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDashboard } from './build-dashboard';

const { values } = parseArgs({
  options: {
    results: { type: 'string', multiple: true },
    'scenarios-json': { type: 'string' },
    'experiment-results': { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});
try {
  const { outDir, cells, experimentPoints, problems } = await buildDashboard({
    workspaceRoot: fileURLToPath(new URL('../../../', import.meta.url)),
    resultDirs: values.results,
    scenariosJson: values['scenarios-json'],
    outDir: values.out,
    experimentResults: values['experiment-results'],
  });
  for (const p of problems) process.stderr.write(`warning: ${p}\n`);
  process.stderr.write(
    `dashboard: ${cells} cell${cells === 1 ? '' : 's'}${cells === 0 ? ' (no results yet)' : ''}; server-config experiment: ${experimentPoints} point(s)\n`,
  );
  process.stdout.write(`${join(outDir, 'index.html')}\n`);
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
}
