import { access, mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CGROUP_WRITE_HINT, IsolationError } from './errors';
import { signalQuietly } from './proc';

/** Create a cgroup directory; LAB_ISOLATION_CGROUP_WRITE on failure. */
export async function makeGroupDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (cause) {
    throw new IsolationError('LAB_ISOLATION_CGROUP_WRITE', `cannot create cgroup ${dir}: ${(cause as Error).message}`, CGROUP_WRITE_HINT, { cause });
  }
}

/** Write one control file; LAB_ISOLATION_CGROUP_WRITE (with file and value) on failure. */
export async function writeControl(file: string, value: string | number): Promise<void> {
  try {
    await writeFile(file, String(value));
  } catch (cause) {
    throw new IsolationError('LAB_ISOLATION_CGROUP_WRITE', `cannot write ${value} to ${file}: ${(cause as Error).message}`, CGROUP_WRITE_HINT, { cause });
  }
}

/** True when the path exists. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A control file's text, or undefined when it is missing or unreadable. */
export async function readControl(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** A control file holding one number, or undefined. */
export async function readNumber(file: string): Promise<number | undefined> {
  const text = await readControl(file);
  const n = text === undefined ? NaN : Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** "key value" lines (cpu.stat, memory.events, memory.oom_control) as a map; numbers only. */
export async function readKeyed(file: string): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (const line of (await readControl(file))?.split('\n') ?? []) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && Number.isFinite(Number(value))) map.set(key, Number(value));
  }
  return map;
}

/** Quote one word for /bin/sh. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The exec wrapper: join every cgroup.procs file, then exec the command; stop if any join fails. */
export function joinAndExec(procsFiles: readonly string[], label: string, command: readonly string[]): string[] {
  const joins = procsFiles.map((f) => `echo $$ > ${shellQuote(f)}`);
  return ['/bin/sh', '-c', [...joins, 'exec "$@"'].join(' && '), label, ...command];
}

/** Union of the PIDs listed in the given cgroup.procs files. */
export async function readPids(procsFiles: readonly string[]): Promise<number[]> {
  const pids = new Set<number>();
  for (const f of procsFiles) {
    for (const line of (await readControl(f))?.split('\n') ?? []) if (line.trim()) pids.add(Number(line));
  }
  return [...pids].sort((a, b) => a - b);
}

/**
 * SIGKILL every process in the groups (never the caller), wait for them to leave, then rmdir the
 * directories in the order given (leaves first), retrying while the kernel still calls them busy.
 * Throws LAB_ISOLATION_CGROUP_BUSY listing what could not be removed.
 */
export async function killAndRemove(procsFiles: readonly string[], dirs: readonly string[], timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const pids = (await readPids(procsFiles)).filter((p) => p !== process.pid);
    if (pids.length === 0 || performance.now() > deadline) break;
    for (const pid of pids) signalQuietly(pid, 'SIGKILL');
    await sleep(25);
  }
  const failed: string[] = [];
  for (const dir of dirs) {
    for (;;) {
      try {
        await rmdir(dir);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') break;
        if (code !== 'EBUSY' || performance.now() > deadline) {
          failed.push(`${dir} (${code})`);
          break;
        }
        await sleep(25);
      }
    }
  }
  if (failed.length > 0) {
    throw new IsolationError(
      'LAB_ISOLATION_CGROUP_BUSY',
      `could not remove cgroups: ${failed.join(', ')}`,
      'a process is still inside (check its cgroup.procs); kill it and rmdir the directory by hand',
    );
  }
}
