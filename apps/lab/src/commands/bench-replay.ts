import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseResult, type ResultFile } from '@lab/results';
import type { CellPlan } from '@lab/runner';

/**
 * Replaying a committed result instead of measuring, for a fresh clone whose Nx cache is empty.
 *
 * A pair task's Nx hash covers its declared inputs: the implementation folder, the scenario
 * folder, the measuring libraries, LAB_PROFILE, LAB_PRESET and the host fingerprint (CPU model,
 * cores, memory, arch, kernel, Node, LAB_MACHINE_ID) — see tools/nx-plugin/lab-plugin.cjs. A
 * result whose `provenance.nxTaskHash` equals the running task's hash was therefore measured from
 * the same inputs on the same kind of host: exactly what an Nx cache hit would replay. The same
 * cell and the same host class (CPU model × cores) are checked again from the file itself.
 */

/** What a replayed result must match. */
export interface ReplayQuery {
  /** The running Nx task's hash (NX_TASK_HASH). */
  taskHash: string;
  cell: { implementation: string; variant: string; scenario: string; profile: string };
  /** The host class: a result from another CPU model or core count is never replayed. */
  host: { cpuModel: string; cores: number };
}

/** A committed result that may stand in for a measurement. */
export interface Replay {
  file: string;
  result: ResultFile;
}

/**
 * The query for one cell under Nx, or undefined when nothing may be replayed: no task hash (not
 * run by Nx), or Nx was told to skip its cache (`--skip-nx-cache` sets NX_SKIP_NX_CACHE), which
 * must mean a new measurement.
 */
export function replayQuery(plan: CellPlan, env: Readonly<Record<string, string | undefined>>, host: ReplayQuery['host']): ReplayQuery | undefined {
  const taskHash = env.NX_TASK_HASH?.trim();
  if (!taskHash || env.NX_SKIP_NX_CACHE === 'true') return undefined;
  return {
    taskHash,
    cell: { implementation: plan.implementation.id, variant: plan.variant.id, scenario: plan.scenario.id, profile: plan.profile.name },
    host,
  };
}

/**
 * Searches `dir` (results/published, recursively) for a result file recorded under the query's
 * task hash, for the same cell, on the same host class. Files without the hash in their text are
 * not parsed; unreadable or invalid files are skipped. Of several matches the newest
 * `provenance.createdAt` wins. Undefined when nothing matches (or `dir` does not exist).
 */
export async function findReplay(dir: string, q: ReplayQuery): Promise<Replay | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return undefined;
  }
  const matches: Replay[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let result: ResultFile;
    try {
      const text = await readFile(file, 'utf8');
      if (!text.includes(q.taskHash)) continue;
      result = parseResult(JSON.parse(text), file);
    } catch {
      continue;
    }
    if (matchesQuery(result, q)) matches.push({ file, result });
  }
  return matches.sort((a, b) => Date.parse(b.result.provenance.createdAt) - Date.parse(a.result.provenance.createdAt))[0];
}

/** Whether a result was recorded under this task hash, for this cell, on this host class, and is no crash (a failed cell never stands in for a measurement). */
export function matchesQuery(r: ResultFile, q: ReplayQuery): boolean {
  const { provenance: p, cell } = r;
  return (
    r.validity.verdict !== 'crashed' &&
    p.nxTaskHash === q.taskHash &&
    p.hostFingerprint.cpuModel === q.host.cpuModel &&
    p.hostFingerprint.cores === q.host.cores &&
    cell.implementation === q.cell.implementation &&
    cell.variant === q.cell.variant &&
    cell.scenario === q.cell.scenario &&
    cell.profile === q.cell.profile
  );
}

/** Copies the committed file, byte for byte, to the task's output. */
export async function replayTo(replay: Replay, out: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await copyFile(replay.file, out);
}
