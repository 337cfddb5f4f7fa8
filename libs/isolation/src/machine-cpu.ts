import { readFile } from 'node:fs/promises';
import { clockTicksPerSecond } from './proc';

/** A reading of the machine-wide CPU counters (the aggregate "cpu" line of /proc/stat). */
export interface MachineCpuSample {
  /** user + nice + system + irq + softirq, summed over all CPUs, in clock ticks. */
  busyTicks: number;
  /** busy + idle + iowait + steal, summed over all CPUs, in clock ticks. */
  totalTicks: number;
  /** Time the hypervisor ran something else while this VM wanted the CPU (steal), all CPUs, clock ticks. */
  stealTicks: number;
  /** Online CPUs (the cpuN lines). */
  cpuCount: number;
  /** Clock ticks per second (CLK_TCK). */
  ticksPerSecond: number;
}

/** Parse /proc/stat text into a {@link MachineCpuSample}. guest time is already inside user/nice, so it is not added. */
export function parseProcStatCpu(text: string, ticksPerSecond: number): MachineCpuSample {
  const line = /^cpu\s+(.*)$/m.exec(text)?.[1];
  if (!line) throw new Error('no aggregate cpu line in /proc/stat');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
  const busyTicks = user + nice + system + irq + softirq;
  return {
    busyTicks,
    totalTicks: busyTicks + idle + iowait + steal,
    stealTicks: steal,
    cpuCount: text.match(/^cpu\d+\s/gm)?.length ?? 1,
    ticksPerSecond,
  };
}

/** Read the machine's CPU counters now. */
export async function machineCpu(): Promise<MachineCpuSample> {
  const [text, tps] = await Promise.all([readFile('/proc/stat', 'utf8'), clockTicksPerSecond()]);
  return parseProcStatCpu(text, tps);
}

/** Wall-clock seconds between two samples, derived from total ticks (total / CPUs / CLK_TCK). */
export function windowSeconds(before: MachineCpuSample, after: MachineCpuSample): number {
  return (after.totalTicks - before.totalTicks) / after.cpuCount / after.ticksPerSecond;
}

/** Average number of busy cores between two samples (0 … cpuCount); 0 for an empty window. */
export function busyCores(before: MachineCpuSample, after: MachineCpuSample): number {
  const total = after.totalTicks - before.totalTicks;
  return total > 0 ? ((after.busyTicks - before.busyTicks) / total) * after.cpuCount : 0;
}

/** Average cores taken by the hypervisor (steal time) between two samples; 0 for an empty window. */
export function stealCores(before: MachineCpuSample, after: MachineCpuSample): number {
  const wallSeconds = windowSeconds(before, after);
  return wallSeconds > 0 ? Math.max(0, (after.stealTicks - before.stealTicks) / after.ticksPerSecond / wallSeconds) : 0;
}

/**
 * Background load over a window, in cores: the machine's busy CPU-seconds minus the CPU-seconds
 * the lab's own roles used (from their cgroups), divided by the window's wall seconds. Clamped at
 * 0 because tick-granular machine counters can read slightly below nanosecond cgroup counters.
 */
export function backgroundCpu(before: MachineCpuSample, after: MachineCpuSample, rolesCpuSeconds: number): number {
  const wallSeconds = windowSeconds(before, after);
  if (!(wallSeconds > 0)) return 0;
  const busySeconds = (after.busyTicks - before.busyTicks) / after.ticksPerSecond;
  return Math.max(0, (busySeconds - rolesCpuSeconds) / wallSeconds);
}
