import { readFile } from 'node:fs/promises';
import type { CellEvent } from '../events';

/** Pids mentioned as `(pid N` in the cell's log lines: PostgreSQL, Redis, the servers. */
export function pidsFromLogs(events: readonly CellEvent[]): number[] {
  const pids = new Set<number>();
  for (const e of events) {
    if (e.type !== 'log') continue;
    for (const m of e.line.matchAll(/\(pid (\d+)/g)) pids.add(Number(m[1]));
  }
  return [...pids];
}

/** True while the pid names a live (non-zombie) process. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return true;
}

/** Pids of every live descendant of `pid`, sorted (from /proc/<pid>/task/<tid>/children). */
export async function descendants(pid: number): Promise<number[]> {
  const found: number[] = [];
  const queue = [pid];
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    const text = await readFile(`/proc/${p}/task/${p}/children`, 'utf8').catch(() => '');
    for (const child of text.split(/\s+/).filter(Boolean).map(Number)) {
      found.push(child);
      queue.push(child);
    }
  }
  return found.sort((a, b) => a - b);
}
