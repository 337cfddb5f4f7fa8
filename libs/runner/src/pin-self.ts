import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Pins every thread of this process (the native load generator) to `cpus` with `taskset -a -p`,
 * so it runs where the profile puts the generator and never beside the system under test.
 * Returns a function that restores the previous affinity (read from /proc/self/status).
 * Resolves to undefined (nothing pinned) where taskset or /proc are unavailable.
 */
export async function pinSelf(cpus: string): Promise<(() => Promise<void>) | undefined> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const previous = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
  if (!previous) return undefined;
  const set = (list: string) => run('taskset', ['-a', '-p', '-c', list, String(process.pid)]);
  try {
    await set(cpus);
  } catch {
    return undefined;
  }
  return async () => {
    await set(previous).catch(() => undefined);
  };
}
