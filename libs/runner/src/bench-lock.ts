import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerCleanup } from '@lab/infra';
import { RunnerError } from './errors';

/** A held bench lock. `release()` is idempotent. */
export interface BenchLock {
  readonly path: string;
  release(): void;
}

/** Options of {@link acquireBenchLock}. */
export interface BenchLockOptions {
  /** Lock file; default {@link defaultLockPath}. */
  path?: string;
  /** How long to wait for a live holder, ms; 0 = fail at once with LAB_BENCH_LOCKED. Default 0. */
  waitMs?: number;
  /** Polling interval while waiting, ms. Default 500. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Called once when the lock is busy and we start waiting (holder's pid). */
  onWait?: (holderPid: number) => void;
}

/** The default lock file: `LAB_BENCH_LOCK` (tests), else `${LAB_CACHE_DIR:-~/.cache/backend-benchmark-lab}/bench.lock`. */
export function defaultLockPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.LAB_BENCH_LOCK) return env.LAB_BENCH_LOCK;
  return join(env.LAB_CACHE_DIR || join(homedir(), '.cache', 'backend-benchmark-lab'), 'bench.lock');
}

/** Holds per path in this process: the lock is re-entrant within one process (the CLI holds it around runCell). */
const held = new Map<string, { count: number; unregister: () => void }>();

/**
 * Takes the machine-wide bench lock so two lab processes never measure at once: the file is
 * created with O_EXCL and holds our pid. A lock whose pid is no longer alive is stale and is
 * taken over. Re-entrant within a process. Released on `release()`, and on exit or signals.
 * Throws LAB_BENCH_LOCKED (after `waitMs`) naming the holder, or LAB_INTERRUPTED on abort.
 */
export async function acquireBenchLock(opts: BenchLockOptions = {}): Promise<BenchLock> {
  const path = opts.path ?? defaultLockPath();
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return handle(path);
  }
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + (opts.waitMs ?? 0);
  let waiting = false;
  for (;;) {
    if (opts.signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', 'interrupted while waiting for the bench lock');
    if (tryCreate(path)) break;
    const holder = readHolder(path);
    if (holder === undefined && ageMs(path) < 2_000) {
      // Created but not yet written by its owner: give it a moment.
      await sleep(50);
      continue;
    }
    if (holder === undefined || !isAlive(holder)) {
      removeIfHeldBy(path, holder);
      continue;
    }
    if (holder === process.pid && !held.has(path)) {
      // Our own pid without a record: a leftover of this process (e.g. a test); take it.
      removeIfHeldBy(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RunnerError('LAB_BENCH_LOCKED', `another lab process (pid ${holder}) is measuring: ${path} is locked`);
    }
    if (!waiting) opts.onWait?.(holder);
    waiting = true;
    await sleep(opts.pollMs ?? 500, undefined, opts.signal ? { signal: opts.signal } : undefined).catch(() => undefined);
  }
  const unregister = registerCleanup(() => removeIfHeldBy(path, process.pid), { sync: () => removeIfHeldBy(path, process.pid) });
  held.set(path, { count: 1, unregister });
  return handle(path);
}

function handle(path: string): BenchLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(path);
      if (!entry || --entry.count > 0) return;
      held.delete(path);
      entry.unregister();
      removeIfHeldBy(path, process.pid);
    },
  };
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid in the lock file; undefined when the file is gone, empty or garbled (a crash mid-write). */
function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the lock only if it still names `pid` (so a lock just taken by another process survives). */
function removeIfHeldBy(path: string, pid: number | undefined): void {
  if (readHolder(path) !== pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
