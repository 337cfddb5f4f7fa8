/**
 * `node --import tsx experiments/server-config/src/main.ts report [--guide <file>] [--summary <file>]`:
 * the experiment's `report` target. Judges the hypotheses from the result files present and
 * writes the deployment guide (default docs/deployment-guide.md) and the summary JSON the
 * dashboard page is built from (default dist/experiments/server-config/summary.json). Prints the
 * two paths on stdout. Exit 0 ok, 2 bad arguments, 3 invalid definition.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGuide } from './build-guide';
import { ExperimentError } from './definition';

const workspaceRoot = resolve(import.meta.dirname, '../../..');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { guide: { type: 'string' }, summary: { type: 'string' } } });
  if (positionals[0] !== 'report' || positionals.length > 1) {
    process.stderr.write(
      'error[LAB_USAGE_BAD_ARGUMENTS]: expected `report`\nhint: main.ts report [--guide docs/deployment-guide.md] [--summary dist/experiments/server-config/summary.json]\n',
    );
    return 2;
  }
  const guideFile = values.guide ?? 'docs/deployment-guide.md';
  const summaryFile = values.summary ?? 'dist/experiments/server-config/summary.json';
  const { summary, guide } = await buildGuide({
    workspaceRoot,
    hostCores: availableParallelism(),
    command: 'npx nx run server-config:report',
    date: new Date().toISOString().slice(0, 10),
  });
  for (const [file, text] of [
    [guideFile, guide],
    [summaryFile, `${JSON.stringify(summary, null, 1)}\n`],
  ] as const) {
    await mkdir(dirname(join(workspaceRoot, file)), { recursive: true });
    await writeFile(join(workspaceRoot, file), text);
  }
  const c = summary.coverage;
  process.stderr.write(
    `${summary.id}: ${c.measured}/${c.total} points measured (${c.valid} valid); ${summary.hypotheses.map((h) => `${h.id} ${h.verdict}`).join(', ')}\n`,
  );
  process.stdout.write(`${guideFile}\n${summaryFile}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ExperimentError) {
      process.stderr.write(`error[${error.code}]: ${error.message}\nhint: ${error.hint}\n`);
      process.exitCode = 3;
    } else throw error;
  },
);
