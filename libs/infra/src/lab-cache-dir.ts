import { homedir } from 'node:os';
import { join } from 'node:path';

/** The lab's cache directory: `LAB_CACHE_DIR`, default `~/.cache/backend-benchmark-lab`. */
export function labCacheDir(): string {
  return process.env.LAB_CACHE_DIR || join(homedir(), '.cache', 'backend-benchmark-lab');
}
