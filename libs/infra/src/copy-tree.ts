import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `cp -a --reflink=auto src dst`: keeps owners and modes, shares blocks where the filesystem can. */
export async function copyTree(src: string, dst: string): Promise<void> {
  await run('cp', ['-a', '--reflink=auto', src, dst]);
}

/**
 * Moves the directory `src` to `dst` atomically: a rename, or (across filesystems) a copy next to
 * `dst` and a rename. A reader never sees a half-written `dst`. If `dst` appeared meanwhile, it wins.
 */
export async function moveDirAtomically(src: string, dst: string): Promise<void> {
  try {
    await rename(src, dst);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const staging = `${dst}.incoming-${process.pid}`;
  try {
    await copyTree(src, staging);
    await rename(staging, dst);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(src, { recursive: true, force: true });
  }
}
