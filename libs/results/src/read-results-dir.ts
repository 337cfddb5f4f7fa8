import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ResultsError } from './errors';
import { readResultFile } from './read-result-file';
import type { ResultFile } from './result-schema';

/** A result file that was read successfully, with its path. */
export interface LoadedResult {
  readonly file: string;
  readonly result: ResultFile;
}

/** A result file that could not be used, with the reason (its code says which). */
export interface ResultProblem {
  readonly file: string;
  readonly error: ResultsError;
}

/**
 * Reads every `*.json` file directly in `dir` (sorted by name; dot-files and temp files are
 * skipped). Batch work keeps going: each unreadable, invalid or other-version file becomes a
 * `problem` and the rest are still returned. Throws LAB_RESULT_UNREADABLE only if `dir`
 * itself cannot be listed.
 */
export async function readResultsDir(dir: string): Promise<{ results: LoadedResult[]; problems: ResultProblem[] }> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (cause) {
    throw new ResultsError('LAB_RESULT_UNREADABLE', `cannot list ${dir}: ${(cause as Error).message}`, {
      file: dir,
      cause,
    });
  }
  const results: LoadedResult[] = [];
  const problems: ResultProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      results.push({ file, result: await readResultFile(file) });
    } catch (error) {
      if (!(error instanceof ResultsError)) throw error;
      problems.push({ file, error });
    }
  }
  return { results, problems };
}
