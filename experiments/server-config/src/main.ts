/**
 * `node --import tsx experiments/server-config/src/main.ts report [--results <dir>] [--guide <file>] [--summary <file>]`:
 * the experiment's `report` target. Judges the hypotheses from the result files of one folder
 * (default `choosePublishedSource`: the host-class folder under results/published with the most
 * points, so the committed guide is what the committed results give on any clone; `--results
 * results/raw/experiments/server-config` for the points measured here) and writes the deployment guide
 * (default docs/deployment-guide.md) and the summary as JSON, for other tools
 * (default dist/experiments/server-config/summary.json). Without `--results`, every other host class
 * with published points gets its own guide, `<others>/<host-class>.md` (`--others`, default
 * docs/deployment-guides; its other pages are removed as stale): host classes are never mixed.
 * Prints the paths written on stdout.
 *
 * `main.ts publish`: the `publish` target. Copies the points measured here
 * (results/raw/experiments/server-config) to results/published/<host-class>/experiments/server-config,
 * to be committed.
 *
 * Exit 0 ok, 2 bad arguments, 3 invalid definition.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { hostFacts } from '@lab/manifest';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSummary, guideText } from './build-guide';
import { ExperimentError, expandPoints, loadDefinition } from './definition';
import { publishPoints, publishedSources, sourceHostClass } from './result-source';

const workspaceRoot = resolve(import.meta.dirname, '../../..');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { guide: { type: 'string' }, summary: { type: 'string' }, results: { type: 'string' }, others: { type: 'string' } },
  });
  if (!['report', 'publish'].includes(positionals[0] ?? '') || positionals.length > 1) {
    process.stderr.write(
      'error[LAB_USAGE_BAD_ARGUMENTS]: expected `report` or `publish`\nhint: main.ts report [--results <dir>] [--guide docs/deployment-guide.md] [--summary dist/experiments/server-config/summary.json] [--others docs/deployment-guides] | main.ts publish\n',
    );
    return 2;
  }
  if (positionals[0] === 'publish') return publish();
  const guideFile = values.guide ?? 'docs/deployment-guide.md';
  const summaryFile = values.summary ?? 'dist/experiments/server-config/summary.json';
  const options = { workspaceRoot, hostCores: availableParallelism(), command: 'npx nx run server-config:report' };
  // One list of the published host classes: the first (most points) makes the main guide, every other its own page.
  const definition = values.results ? null : await loadDefinition(workspaceRoot);
  const sources = definition ? await publishedSources(workspaceRoot, definition.id, expandPoints(definition)) : [];
  const othersDir = values.others ?? 'docs/deployment-guides';
  const pages = (sources.length > 0 ? sources.map((s) => s.dir) : [values.results]).map((dir, i) => ({
    dir,
    file: i === 0 ? guideFile : join(othersDir, `${sourceHostClass(dir!)}.md`),
  }));
  const built = await Promise.all(pages.map((p) => buildSummary({ ...options, ...(p.dir ? { resultsDir: p.dir } : {}) })));
  const guides = pages.map((page, i): [string, string] => {
    const otherGuides = pages.flatMap((other, j) =>
      j === i
        ? []
        : [{ hostClass: built[j]!.summary.hostClass ?? sourceHostClass(other.dir!), path: relative(dirname(page.file), other.file).split('\\').join('/') }],
    );
    return [page.file, guideText(built[i]!, { ...options, otherGuides })];
  });
  const summary = built[0]!.summary;
  const files: [string, string][] = [guides[0]!, [summaryFile, `${JSON.stringify(summary, null, 1)}\n`], ...guides.slice(1)];
  if (!values.results) {
    const current = new Set(pages.slice(1).map((p) => relative(othersDir, p.file)));
    const stale = (await readdir(resolve(workspaceRoot, othersDir)).catch(() => [] as string[])).filter((f) => f.endsWith('.md') && !current.has(f));
    for (const f of stale) await rm(resolve(workspaceRoot, othersDir, f));
  }
  for (const [file, text] of files) {
    await mkdir(dirname(resolve(workspaceRoot, file)), { recursive: true });
    await writeFile(resolve(workspaceRoot, file), text);
  }
  const c = summary.coverage;
  process.stderr.write(
    `${summary.id}: ${c.measured}/${c.total} points measured (${c.valid} valid); ${summary.hypotheses.map((h) => `${h.id} ${h.verdict}`).join(', ')}\n`,
  );
  process.stdout.write(files.map(([f]) => `${f}\n`).join(''));
  return 0;
}

/** Copies this host's measured points to its host-class folder under results/published. */
async function publish(): Promise<number> {
  const definition = await loadDefinition(workspaceRoot);
  // The host class as every result's provenance records it: CPU model × cores.
  const { cpuModel, cores } = hostFacts();
  const done = await publishPoints(workspaceRoot, definition.id, expandPoints(definition), { cpuModel, cores });
  for (const r of done.refused) process.stderr.write(`${definition.id}: not published: ${r.file}: ${r.why}\n`);
  process.stderr.write(`${definition.id}: ${done.copied.length} point result(s) published to ${done.dir}\n`);
  process.stdout.write(`${done.dir}\n`);
  return done.refused.length > 0 ? 1 : 0;
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
