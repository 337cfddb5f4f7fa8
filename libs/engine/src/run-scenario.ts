import type { LoadSpec, Scenario } from './define-scenario';
import type { DriverName, DriverResult } from './drivers/driver-result';
import { runLoadgen } from './drivers/loadgen';
import { type Progress, runNative } from './drivers/native';
import { resolveTarget } from './drivers/target';
import { runWrk } from './drivers/wrk';
import { DEFAULT_GRACE_MS } from './load/load-outcome';

/** Options of `runScenario`. Overrides win over the scenario's own load (CLI > scenario). */
export interface RunOptions {
  /** e.g. `http://127.0.0.1:8000`. Loopback only unless `allowRemote`. */
  baseUrl: string;
  /** `native` (undici, in this process), `wrk`, or `loadgen` (the lab's Go generator; closed loads with a fixed mix). */
  driver: DriverName;
  /** Overrides the load duration (the step duration for a sweep; the total, stages scaled alike, for open-stages). */
  durationMs?: number;
  /** Overrides the VU count (closed model; connections for wrk). */
  vus?: number;
  /** Seed of every per-VU random generator. Default 1. */
  seed?: number;
  /** Stops the run cleanly; the result is what was measured, with `interrupted: true`. */
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Allow a non-loopback target. Default false. */
  allowRemote?: boolean;
  /** Grace for in-flight iterations after the end, in ms. Default 5 000. */
  graceMs?: number;
  /** wrk only: path of the wrk binary. Default /usr/bin/wrk. */
  wrkPath?: string;
  /** loadgen only: path of the generator's binary. Default tools/loadgen/bin/loadgen, built on first use. */
  loadgenPath?: string;
  /**
   * wrk and loadgen: rewrites the generator's argv before it is spawned, e.g.
   * `(argv) => groups.wrap('generator', argv)` so it runs in the generator's resource group. The
   * wrapper must `exec` it (wrk's pid is sampled for CPU).
   */
  wrap?: (argv: string[]) => string[];
}

/** Applies the run's overrides to the scenario's load, in one place. */
export function normalizeLoad(load: LoadSpec, opts: Pick<RunOptions, 'durationMs' | 'vus'>): LoadSpec {
  switch (load.kind) {
    case 'closed':
      return { ...load, vus: opts.vus ?? load.vus, durationMs: opts.durationMs ?? load.durationMs };
    case 'open':
      return { ...load, durationMs: opts.durationMs ?? load.durationMs };
    case 'open-stages': {
      if (opts.durationMs === undefined) return load;
      // Scale every stage so their shape is kept and the total is the override.
      const total = load.stages.reduce((sum, s) => sum + s.durationMs, 0);
      const scale = opts.durationMs / total;
      return { ...load, stages: load.stages.map((s) => ({ ...s, durationMs: Math.max(1, Math.round(s.durationMs * scale)) })) };
    }
    case 'sweep':
      return { ...load, stepDurationMs: opts.durationMs ?? load.stepDurationMs };
  }
}

/** Runs a scenario: setup → load (closed, open, open-stages or sweep) → teardown, with the chosen driver. */
export async function runScenario<S>(scenario: Scenario<S>, opts: RunOptions): Promise<DriverResult> {
  const target = resolveTarget(opts.baseUrl, opts.allowRemote);
  const resolved = { ...scenario, load: normalizeLoad(scenario.load, opts) } as Scenario<unknown>;
  const driverOptions = { target, seed: opts.seed ?? 1, graceMs: opts.graceMs ?? DEFAULT_GRACE_MS, signal: opts.signal, onProgress: opts.onProgress };
  if (opts.driver === 'wrk') return runWrk(resolved, { ...driverOptions, wrkPath: opts.wrkPath, wrap: opts.wrap });
  if (opts.driver === 'loadgen') return runLoadgen(resolved, { ...driverOptions, loadgenPath: opts.loadgenPath, wrap: opts.wrap });
  return runNative(resolved, driverOptions);
}
