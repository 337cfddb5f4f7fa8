import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

/** Resolves once `child` has exited (immediately when it already has). Never rejects. */
export function exitOf(child: ChildProcess): Promise<ProcessExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
}

/** True while `pid` names a live process (a zombie counts as gone: it only waits to be reaped). */
export function isAlive(pid: number): boolean {
  if (!(pid > 1)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** Sends `signal` to a process (or, with a negative pid, a process group); false if none is left. */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  // 0, ±1 and NaN would reach our own group or every process we may signal: never.
  if (!(Math.abs(pid) > 1)) return false;
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

/** Blocks the thread for `durationMs` (only for the synchronous `exit` path, where nothing else can run). */
export function sleepSync(durationMs: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, durationMs);
}

/**
 * Synchronous stop for the `exit` path: `signal` to the process, a busy wait of up to
 * `timeoutMs`, then SIGKILL to its whole process group.
 */
export function stopSync(pid: number, first: NodeJS.Signals, timeoutMs = 5000): void {
  if (!isAlive(pid)) return;
  signal(pid, first);
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) sleepSync(20);
  signal(-pid, 'SIGKILL');
}

/**
 * Asynchronous stop: `first` to the process (or group, with a negative pid), wait up to
 * `timeoutMs` for `exited`, then SIGKILL to the group and wait again.
 */
export async function stopChild(pid: number, exited: Promise<unknown>, first: NodeJS.Signals, timeoutMs: number, target: number = pid): Promise<void> {
  signal(target, first);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)))]);
  clearTimeout(timer);
  if (timedOut) {
    signal(-Math.abs(pid), 'SIGKILL');
    await exited;
  }
}

/**
 * Waits until process group `pgid` has no members left (they may outlive its leader for a
 * moment), sending SIGKILL to the group if some remain after `timeoutMs`.
 */
export async function waitGroupGone(pgid: number, timeoutMs: number): Promise<void> {
  const groupAlive = (): boolean => signal(-pgid, 0 as unknown as NodeJS.Signals);
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
  let deadline = Date.now() + timeoutMs;
  while (groupAlive() && Date.now() < deadline) await pause();
  if (!groupAlive()) return;
  signal(-pgid, 'SIGKILL');
  deadline = Date.now() + 2000;
  while (groupAlive() && Date.now() < deadline) await pause();
}
