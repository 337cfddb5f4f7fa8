/**
 * Writes the server-configuration experiment's dashboard page from the summary that
 * `nx run server-config:report` wrote (the `server-config:dashboard` target):
 *   node --import tsx apps/dashboard/build/build-server-config.ts [--summary <file>] [--out <file>]
 * Defaults: dist/experiments/server-config/summary.json → dist/experiments/server-config/index.html.
 * stdout: the page's path.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ExperimentSummary } from '../../../experiments/server-config/src/summarize-experiment';
import { renderServerConfigPage } from '../src/server-config/render-page';

const { values } = parseArgs({ options: { summary: { type: 'string' }, out: { type: 'string' } }, strict: true });
const root = fileURLToPath(new URL('../../../', import.meta.url));
const summaryFile = join(root, values.summary ?? 'dist/experiments/server-config/summary.json');
const out = values.out ?? 'dist/experiments/server-config/index.html';
try {
  const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as ExperimentSummary;
  await mkdir(dirname(join(root, out)), { recursive: true });
  await writeFile(join(root, out), renderServerConfigPage(summary));
  process.stdout.write(`${out}\n`);
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\nhint: run \`npx nx run server-config:report\` first; it writes ${summaryFile}\n`);
  process.exit(1);
}
