import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ResultsError } from './errors';
import { formatResultJson } from './format-result-json';
import { parseResult } from './parse-result';
import type { ResultFile } from './result-schema';

/**
 * Validates `result` (LAB_RESULT_INVALID / LAB_RESULT_VERSION_MISMATCH, nothing written) and
 * writes it atomically: pretty JSON (`formatResultJson`: arrays of numbers on one line) goes to a temp file in the same directory
 * (`.<name>.<uuid>.tmp`), which is fsynced, renamed over `path` (rename(2) is atomic within a
 * file system), and the directory is fsynced so the rename survives a crash. Readers see the
 * old file or the new one, never a partial one. Creates the directory if needed. On failure
 * the temp file is removed and LAB_RESULT_WRITE_FAILED is thrown.
 */
export async function writeResultFile(path: string, result: ResultFile): Promise<void> {
  const valid = parseResult(result, path);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(`${formatResultJson(valid)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await syncDirectory(dir);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new ResultsError('LAB_RESULT_WRITE_FAILED', `cannot write ${path}: ${(cause as Error).message}`, {
      file: path,
      cause,
    });
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Directory fsync makes the rename durable on Linux; some platforms refuse it (EISDIR, EPERM).
  const handle = await open(dir, 'r');
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
