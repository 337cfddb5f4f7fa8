import { readFile } from 'node:fs/promises';
import { ResultsError } from './errors';
import { parseResult } from './parse-result';
import type { ResultFile } from './result-schema';

/**
 * Reads and validates one result file. Throws a {@link ResultsError}: LAB_RESULT_UNREADABLE
 * (I/O), LAB_RESULT_INVALID (not JSON, or schema issues — all listed with their paths, and
 * the file), LAB_RESULT_VERSION_MISMATCH (written by another schema version).
 */
export async function readResultFile(path: string): Promise<ResultFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ResultsError('LAB_RESULT_UNREADABLE', `cannot read ${path}: ${(cause as Error).message}`, {
      file: path,
      cause,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    throw new ResultsError('LAB_RESULT_INVALID', `${path} is not JSON: ${message}`, {
      file: path,
      cause,
      issues: [{ path: '(root)', message: `not JSON: ${message}` }],
    });
  }
  return parseResult(value, path);
}
