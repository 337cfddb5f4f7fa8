import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { collectResults } from '@lab/report';
import { readResultFile, type LoadedResult } from '@lab/results';
import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';

/** Result files read by a command that studies them, and the files it had to skip. */
export interface LoadedResults {
  readonly loaded: LoadedResult[];
  readonly problems: { file: string; message: string }[];
}

/**
 * Reads the result files a study command is given: files, or directories searched like the
 * report does; none given = the workspace's results/raw. A file that does not parse is a problem
 * listed beside the others. Throws LAB_NO_RESULTS (exit 3) when no result file was found.
 */
export async function loadResults(workspace: string, paths: readonly string[]): Promise<LoadedResults> {
  const searched = paths.length > 0 ? paths : [join(workspace, 'results/raw')];
  const loaded: LoadedResult[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const path of searched) {
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (isFile) {
      await readResultFile(path).then(
        (result) => loaded.push({ file: path, result }),
        (error: Error) => problems.push({ file: path, message: error.message }),
      );
      continue;
    }
    const found = await collectResults([path]);
    loaded.push(...found.results);
    problems.push(...found.problems);
  }
  if (loaded.length === 0) {
    const details = problems.map((p) => `${p.file}: ${p.message}`);
    throw new CliError(
      'LAB_NO_RESULTS',
      `no result file in ${searched.join(', ')}`,
      'give result files or directories holding them (lab bench writes results/raw/<impl>/<scenario>.json)',
      EXIT.setup,
      details,
    );
  }
  return { loaded, problems };
}
