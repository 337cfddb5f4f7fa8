import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { signal } from './process-control';
import { labCacheDir } from './lab-cache-dir';

/**
 * What one lab process has started and not yet stopped, kept in `<runStateDir>/<pid>.json`
 * (`<pid>-t<thread>.json` in a worker thread) so that the next lab command can end it if this
 * one is killed (SIGKILL runs no cleanup). Every process is the leader of its own process group
 * (the lab starts them detached), so its pid is also the group's id; `startTicks` (field 22 of
 * /proc/<pid>/stat) tells it apart from a later process that reuses the pid.
 */
export interface RunState {
  pid: number;
  startTicks: number;
  /** The lab process's command line, for the report. */
  command: string;
  items: RunItem[];
}

/** One thing a lab process owns: a process group, or a temp dir. */
export type RunItem = { kind: 'process'; what: string; pid: number; startTicks: number } | { kind: 'dir'; what: string; path: string };

/** One thing {@link recoverLeftovers} ended or removed. */
export interface RecoveredItem {
  /** Pid of the lab process that had started it and died. */
  owner: number;
  /** The dead lab process's command line. */
  ownerCommand: string;
  item: RunItem;
  /** `killed`: the process group got SIGKILL; `removed`: the dir was deleted. */
  action: 'killed' | 'removed';
}

/** Where the state files live: `LAB_RUN_DIR`, default `<labCacheDir>/run` (shared by every checkout on the machine). */
export function runStateDir(): string {
  return process.env.LAB_RUN_DIR || join(labCacheDir(), 'run');
}

/** This process's (or worker thread's) state file: worker threads share the pid and each keeps its own list. */
export function runStateFile(): string {
  return join(runStateDir(), threadId === 0 ? `${process.pid}.json` : `${process.pid}-t${threadId}.json`);
}

/** The start time of `pid` in clock ticks since boot (/proc/<pid>/stat field 22), or undefined when it is gone. */
export function processStartTicks(pid: number): number | undefined {
  const stat = readStat(pid);
  return stat ? Number(stat[19]) : undefined;
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards), or undefined. */
function readStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

let items: RunItem[] = [];
let ownStart: number | undefined;

/** Records a process group this lab process started; returns the function that forgets it (call it once the group is gone). */
export function trackProcess(pid: number, what: string): () => void {
  const startTicks = processStartTicks(pid);
  if (!(pid > 1) || startTicks === undefined) return () => undefined;
  return track({ kind: 'process', what, pid, startTicks });
}

/** Records a temp dir this lab process created; returns the function that forgets it (call it once the dir is removed). */
export function trackDir(path: string, what: string): () => void {
  return track({ kind: 'dir', what, path });
}

function track(item: RunItem): () => void {
  items.push(item);
  save();
  return () => {
    const before = items.length;
    items = items.filter((i) => i !== item);
    if (items.length !== before) save();
  };
}

/** Writes this process's state file atomically, or removes it when nothing is left. Best effort: never throws. */
function save(): void {
  const dir = runStateDir();
  const file = runStateFile();
  try {
    if (items.length === 0) {
      rmSync(file, { force: true });
      return;
    }
    ownStart ??= processStartTicks(process.pid) ?? 0;
    const state: RunState = { pid: process.pid, startTicks: ownStart, command: process.argv.slice(1).join(' '), items };
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 1)}\n`);
    renameSync(`${file}.tmp`, file);
  } catch {
    // Recovery is a safety net: a lab that cannot write its state still runs and cleans up normally.
  }
}

/**
 * Ends what lab processes that died without cleaning up (SIGKILL, a crash of node) left behind:
 * for every state file whose owner no longer runs (or whose pid now names a later process),
 * SIGKILL each recorded process group whose leader is still the recorded process (same start
 * time) or is gone while members remain, then removes each recorded dir, then the state file.
 * A reused pid is never signalled. Returns what was ended or removed, in order.
 */
export async function recoverLeftovers(): Promise<RecoveredItem[]> {
  const dir = runStateDir();
  const recovered: RecoveredItem[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, name);
    const state = readState(file);
    if (!state) continue;
    if (state.pid === process.pid || processStartTicks(state.pid) === state.startTicks) continue;
    const found = (item: RunItem, action: RecoveredItem['action']) => recovered.push({ owner: state.pid, ownerCommand: state.command, item, action });
    const killed: number[] = [];
    for (const item of state.items) {
      if (item.kind !== 'process') continue;
      const start = processStartTicks(item.pid);
      // A live leader with another start time is a later process: the recorded group is gone (its id was free to reuse).
      const ours = start === undefined ? groupMembers(item.pid).length > 0 : start === item.startTicks;
      if (ours && signal(-item.pid, 'SIGKILL')) {
        killed.push(item.pid);
        found(item, 'killed');
      }
    }
    for (let i = 0; i < 100 && killed.some((pgid) => groupMembers(pgid).length > 0); i++) await sleep(20);
    for (const item of state.items) {
      if (item.kind !== 'dir' || !isAbsolute(item.path) || item.path === '/' || !existsSync(item.path)) continue;
      rmSync(item.path, { recursive: true, force: true });
      found(item, 'removed');
    }
    rmSync(file, { force: true });
  }
  // The load generators' scratch dirs (`lab-loadgen-<pid>-…`, `lab-wrk-<pid>-…`, made by
  // @lab/engine, which records nothing here) of lab processes that no longer run.
  for (const name of existsSync(tmpdir()) ? readdirSync(tmpdir()) : []) {
    const match = GENERATOR_DIR.exec(name);
    if (!match || processStartTicks(Number(match[2])) !== undefined) continue;
    const path = join(tmpdir(), name);
    rmSync(path, { recursive: true, force: true });
    const owner = Number(match[2]);
    recovered.push({ owner, ownerCommand: 'a lab process', item: { kind: 'dir', what: `${match[1]} files`, path }, action: 'removed' });
  }
  return recovered;
}

/** A load generator's scratch dir, named by @lab/engine with the pid of the lab process that made it. */
const GENERATOR_DIR = /^lab-(loadgen|wrk)-(\d+)-/;

/** Live (non-zombie) processes whose process group is `pgid`, from /proc. */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    const stat = readStat(Number(entry));
    return stat && stat[0] !== 'Z' && Number(stat[2]) === pgid ? [Number(entry)] : [];
  });
}

/** A state file as written by {@link save}, or undefined when it is not one (a partial write, another file). */
function readState(file: string): RunState | undefined {
  if (!file.endsWith('.json')) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as RunState;
    return Number.isInteger(state.pid) && Number.isInteger(state.startTicks) && Array.isArray(state.items) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** One line per recovered item, e.g. `ended server node-fake (pid 1234) left by lab process 999 (lab up node-fake)`. */
export function describeRecovered(item: RecoveredItem): string {
  const what = item.item.kind === 'process' ? `ended ${item.item.what} (process group ${item.item.pid})` : `removed ${item.item.what} ${item.item.path}`;
  return `${what}, left by lab process ${item.owner} (${item.ownerCommand})`;
}
