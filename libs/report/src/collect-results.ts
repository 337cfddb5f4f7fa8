import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readResultsDir, type LoadedResult } from '@lab/results';
import type { SourceProblem } from './report-model';

/**
 * Folders of this name hold an experiment's points (results/raw/experiments/<id>,
 * results/published/<host-class>/experiments/<id>): the experiment reports them, not the matrix.
 */
export const EXPERIMENTS_DIR = 'experiments';

/** How deep below each root result files are looked for (`results/raw/<impl>/<scenario>.json` is depth 1). */
export const RESULT_DIR_DEPTH = 3;

async function dirsUnder(root: string, depth: number): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const subdirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== EXPERIMENTS_DIR)
    .map((e) => join(root, e.name))
    .sort();
  const nested = depth > 0 ? await Promise.all(subdirs.map((d) => dirsUnder(d, depth - 1))) : [];
  return [root, ...nested.flat()];
}

/**
 * Reads every result file under `roots` (each root and its sub-folders, {@link RESULT_DIR_DEPTH}
 * deep) with `readResultsDir`. The only I/O of this library, and read-only. A root that does
 * not exist is skipped; unreadable or invalid files become problems (batch work keeps going).
 * The caller passes everything to `buildReportModel`, which keeps the newest file per cell.
 */
export async function collectResults(roots: readonly string[]): Promise<{ results: LoadedResult[]; problems: SourceProblem[] }> {
  const results: LoadedResult[] = [];
  const problems: SourceProblem[] = [];
  for (const root of roots) {
    const exists = await stat(root).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) continue;
    for (const dir of await dirsUnder(root, RESULT_DIR_DEPTH)) {
      const loaded = await readResultsDir(dir);
      results.push(...loaded.results);
      problems.push(...loaded.problems.map((p) => ({ file: p.file, code: p.error.code, message: p.error.message })));
    }
  }
  return { results, problems };
}
