import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** CPU times of one process from /proc/<pid>/stat, in clock ticks. */
export interface ProcStat {
  pid: number;
  /** R, S, D, Z (zombie: exited, not yet reaped) … */
  state: string;
  ppid: number;
  /** utime + stime: this process's own CPU. */
  selfTicks: number;
  /** cutime + cstime: CPU of children it has already reaped. */
  reapedChildrenTicks: number;
}

/** Memory and affinity from /proc/<pid>/status. */
export interface ProcStatus {
  rssBytes: number;
  hwmBytes: number;
  /** e.g. "0" or "0-1". */
  cpusAllowedList: string;
}

let clkTck: Promise<number> | undefined;

/** Clock ticks per second for /proc times: `getconf CLK_TCK`, 100 when that fails. Cached. */
export function clockTicksPerSecond(): Promise<number> {
  clkTck ??= new Promise((resolve) => {
    execFile('getconf', ['CLK_TCK'], { timeout: 2_000 }, (err, stdout) => {
      const n = Number(String(stdout).trim());
      resolve(!err && Number.isInteger(n) && n > 0 ? n : 100);
    });
  });
  return clkTck;
}

/** Parse /proc/<pid>/stat text. The comm field may hold spaces and parentheses, so split after the last ')'. */
export function parseProcStat(pid: number, text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // Fields after comm start at field 3 (state); utime is field 14.
  const f = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const num = (field: number) => Number(f[field - 3]);
  const ppid = num(4);
  const selfTicks = num(14) + num(15);
  const reapedChildrenTicks = num(16) + num(17);
  if (![ppid, selfTicks, reapedChildrenTicks].every(Number.isFinite)) return undefined;
  return { pid, state: f[0] ?? '?', ppid, selfTicks, reapedChildrenTicks };
}

/** /proc/<pid>/stat, or undefined when the process is gone. */
export async function readProcStat(pid: number): Promise<ProcStat | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseProcStat(pid, text);
}

/** /proc/<pid>/status VmRSS, VmHWM (0 for kernel threads and zombies) and Cpus_allowed_list, or undefined when gone. */
export async function readProcStatus(pid: number): Promise<ProcStatus | undefined> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const kib = (name: string) => (Number.parseInt(field(name) ?? '0', 10) || 0) * 1024;
  return { rssBytes: kib('VmRSS'), hwmBytes: kib('VmHWM'), cpusAllowedList: field('Cpus_allowed_list') ?? '' };
}

/** Every numeric entry in /proc. */
export async function listPids(): Promise<number[]> {
  const entries = await readdir('/proc');
  return entries.filter((e) => /^\d+$/.test(e)).map(Number);
}

/** True while the process runs: it exists and is not a zombie waiting for its parent to reap it. */
export async function processAlive(pid: number): Promise<boolean> {
  const stat = await readProcStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** Send a signal, ignoring processes that are already gone. */
export function signalQuietly(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: already gone.
  }
}
