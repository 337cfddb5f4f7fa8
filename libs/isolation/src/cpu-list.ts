/**
 * Parse a kernel CPU list ("0", "0-3", "0,2-3") as used by cpuset.cpus, taskset -c and
 * /proc/<pid>/status Cpus_allowed_list. Returns the CPU numbers ascending, without duplicates,
 * or undefined when the text is not a CPU list.
 */
export function parseCpuList(text: string): number[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const cpus = new Set<number>();
  for (const part of trimmed.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return undefined;
    for (let cpu = from; cpu <= to; cpu++) cpus.add(cpu);
  }
  return [...cpus].sort((a, b) => a - b);
}
