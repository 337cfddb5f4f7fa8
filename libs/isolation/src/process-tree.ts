import { readdir, readFile } from 'node:fs/promises';
import { clockTicksPerSecond, listPids, readProcStat, readProcStatus, type ProcStat } from './proc';

/** One reading of a process and its descendants. */
export interface ProcessTreeSample {
  /**
   * CPU-seconds so far: utime + stime of every live process in the tree plus cutime + cstime
   * (children they have already reaped). Take deltas between samples.
   */
  cpuSeconds: number;
  /** Sum of VmRSS over the tree, in bytes. */
  rssBytes: number;
  /** Sum of VmHWM (each process's own peak RSS) over the tree: an upper bound of the tree's peak, in bytes. */
  hwmBytes: number;
  /** The root first, then descendants; empty when the root is gone. */
  pids: number[];
}

/**
 * Read CPU and memory of `rootPid` and all its descendants from /proc. Children are found via
 * /proc/<pid>/task/<tid>/children where the kernel has it (CONFIG_PROC_CHILDREN), else by
 * scanning every process's parent. A root that no longer exists gives zeros and no pids.
 */
export async function sampleProcessTree(rootPid: number): Promise<ProcessTreeSample> {
  const ticksPerSecond = await clockTicksPerSecond();
  const root = await readProcStat(rootPid);
  if (!root) return { cpuSeconds: 0, rssBytes: 0, hwmBytes: 0, pids: [] };
  const tree = (await descendantsFromChildrenFiles(rootPid)) ?? (await descendantsFromParents(rootPid));
  const stats = [root, ...(await Promise.all(tree.map(readProcStat))).filter((s): s is ProcStat => s !== undefined)];
  const statuses = await Promise.all(stats.map((s) => readProcStatus(s.pid)));
  let ticks = 0;
  for (const s of stats) ticks += s.selfTicks + s.reapedChildrenTicks;
  return {
    cpuSeconds: ticks / ticksPerSecond,
    rssBytes: statuses.reduce((sum, s) => sum + (s?.rssBytes ?? 0), 0),
    hwmBytes: statuses.reduce((sum, s) => sum + (s?.hwmBytes ?? 0), 0),
    pids: stats.map((s) => s.pid),
  };
}

async function descendantsFromChildrenFiles(rootPid: number): Promise<number[] | undefined> {
  const found: number[] = [];
  const queue = [rootPid];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const children = await childrenOf(pid);
    if (children === undefined) return pid === rootPid ? undefined : found;
    for (const c of children) if (!found.includes(c)) found.push(c), queue.push(c);
  }
  return found;
}

/** Children of every thread of `pid`, or undefined when the kernel lacks the children files. */
async function childrenOf(pid: number): Promise<number[] | undefined> {
  const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const texts = await Promise.all(tids.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => undefined)));
  if (tids.length > 0 && texts.every((t) => t === undefined)) return undefined;
  return texts.flatMap((t) => (t ?? '').split(/\s+/).filter(Boolean).map(Number));
}

async function descendantsFromParents(rootPid: number): Promise<number[]> {
  const stats = (await Promise.all((await listPids()).map(readProcStat))).filter((s): s is ProcStat => s !== undefined);
  const byParent = new Map<number, number[]>();
  for (const s of stats) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s.pid]);
  const found: number[] = [];
  const queue = [rootPid];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const c of byParent.get(pid) ?? []) if (!found.includes(c)) found.push(c), queue.push(c);
  }
  return found;
}
