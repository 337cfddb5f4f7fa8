/**
 * What one point measured, read from its result file: the closed-loop rate per run with its
 * interval, p99, validity, the server's processes and RSS, and (capacity points) the capacity
 * under the SLO per run with its interval.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readResultFile, type ResultFile } from '@lab/results';
import { withinOneStep } from '@lab/runner';
import { experimentSchema } from '@lab/manifest';
import { hostClassOf } from '@lab/report';
import { runInterval, type RunInterval } from '@lab/stats';
import { DEFAULT_GRACE_MS } from '../../../libs/engine/src/load/load-outcome';
import type { Point } from './definition';

/** A point's state: no result file yet, an unreadable one, or measured. */
export type PointStatus = 'missing' | 'unreadable' | 'measured';

/**
 * Why a capacity is only a lower bound: `sweep-top`, some run met the SLO at every step of its
 * sweep (the sweep must reach higher to tell models apart); `generator-stall`, some run's sweep
 * ended on a step that failed, twice, while the generator's own event loop stalled
 * (`sweep.generatorStalled.<run>`, see `runSweep` in @lab/engine); `in-flight`, the sweep's own
 * limit of requests in flight could have failed the step after the capacity (see {@link inFlightBound}).
 */
export type CapacityBound = 'sweep-top' | 'generator-stall' | 'in-flight';

/** One point with what its result file says (every figure null when not measured). */
export interface PointOutcome {
  point: Point;
  status: PointStatus;
  /** Why an unreadable file could not be read. */
  problem: string | null;
  /**
   * The point's validity: its result's verdict (`valid`, `noisy`, …), or {@link TOO_SHORT} when
   * its runs gave up requests at their end; only `valid` points enter the verdicts.
   */
  verdict: string | null;
  /** The verdict its result file records (differs from `verdict` only for {@link TOO_SHORT}). */
  recordedVerdict: string | null;
  preset: string | null;
  /** When the result was written (its provenance's `createdAt`, ISO 8601). */
  measuredAt: string | null;
  /** The cores of the host that measured it (its provenance's host fingerprint). */
  measuredCores: number | null;
  /** The host class that measured it, CPU model × cores (`AMD EPYC ×2`). */
  hostClass: string | null;
  /** Completed requests per second of each measured run (closed loops; a sweep's runs too). */
  ratesPerSec: number[];
  /** Geometric mean of the runs with its t interval on logs (95 %), or a range for 2 runs. */
  rate: RunInterval | null;
  /** p99 latency of the merged histogram, microseconds. */
  p99Us: number | null;
  /** Processes in the server's tree at the end of the last run (master + workers). */
  serverProcesses: number | null;
  /** Peak RSS of the server's tree (sum of each process's peak), bytes. */
  serverPeakRssBytes: number | null;
  /** {@link serverPeakRssBytes} divided by {@link serverProcesses}, bytes. */
  rssPerProcessBytes: number | null;
  /** Capacity under the SLO of each run, requests per second (0: the first step broke it). */
  capacitiesPerSec: number[];
  /**
   * Capacity across runs: t interval on logs when every run had one, else null (see capacitiesPerSec).
   * Its upper end reaches one sweep step further ({@link withStepResolution}): a run's capacity is the
   * highest step it passed, and the server may serve anything below the next. A lower bound
   * ({@link capacityBound}) keeps its runs' interval, since nothing bounds it from above.
   */
  capacity: RunInterval | null;
  /** Whether the capacity is only a lower bound ({@link capacityBound} is not null). */
  capacityCapped: boolean;
  /** Why the capacity is only a lower bound; null: the server broke the SLO. */
  capacityBound: CapacityBound | null;
  /**
   * A capacity point's sweep: its first and top rate and its step, req/s, as its result records them
   * (the definition's until it is measured, or for a result that does not record its steps); null
   * for a closed loop. A result measured before the definition's sweep changed keeps its own.
   */
  sweep: SweepRange | null;
  /**
   * The generator that measured the point (its plan's driver: `native`, `loadgen`, `wrk`); null
   * before it is measured. A result measured before its workload's `sweepDriver` changed keeps its own.
   */
  driver: string | null;
  /**
   * Closed loops: whether the server used its whole CPU budget in every second of every run
   * ({@link usedWholeBudget}); null for a sweep, or when a run records no server CPU timeline.
   */
  budgetSaturated: boolean | null;
  /**
   * Closed loops: the server's mean busy cores over its runs ({@link meanServerCores}). Well below
   * the budget, something else limited the point (the database, a wait), not the process model.
   */
  serverCpuCores: number | null;
  /**
   * How many runs lost a server process mid-run ({@link runsLosingAProcess}): `[lost, runs]`; null
   * when the result records no per-second server RSS or no process count.
   */
  processLostRuns: [number, number] | null;
}

/** The rates a sweep offered: its first and top step and the step between them, req/s. */
export interface SweepRange {
  first: number;
  top: number;
  step: number;
}

/** The sweep a point's definition asks for; null for a closed loop. */
function definedSweep(point: Point): SweepRange | null {
  if (!('sweep' in point.load)) return null;
  const sweep = point.load.sweep;
  return { first: sweep.startRatePerSec, top: experimentSchema.sweepTopRatePerSec(sweep), step: sweep.stepRatePerSec };
}

/** The sweep a result records (its load model's steps), else the point's definition's. */
function measuredSweep(point: Point, result: ResultFile): SweepRange | null {
  const load = result.cell.loadModel;
  if (load.kind !== 'sweep' || load.steps.length < 2) return definedSweep(point);
  const rates = load.steps.map((s) => s.ratePerSec);
  return { first: rates[0]!, top: Math.max(...rates), step: rates[1]! - rates[0]! };
}

/**
 * The most requests a sweep kept in flight when its result does not record it (`maxVus` of its
 * load model; the runner's plan sets it, libs/runner/src/plan-cell.ts): an iteration due while
 * that many are running is dropped, and drops fail a step like errors.
 */
export const SWEEP_MAX_IN_FLIGHT = 256;

/**
 * Whether the step after a capacity `capacityPerSec` needed, by Little's law at the point's median
 * latency, half or more of the {@link SWEEP_MAX_IN_FLIGHT} slots (rate × p50). Latencies above the
 * median and uneven arrivals fill the rest, so that step can fail on drops while the server still
 * meets the SLO: the generator, not the server, limited it. On I/O waits of 100 ms this caps any
 * server near 256 / 0.1 s = 2,560 req/s; on CPU work, whose median latency is milliseconds, the
 * bound lies far above any rate a server reaches at these budgets.
 */
export function inFlightBound(capacityPerSec: number, stepPerSec: number, p50Us: number, maxInFlight = SWEEP_MAX_IN_FLIGHT): boolean {
  return ((capacityPerSec + stepPerSec) * p50Us) / 1e6 >= maxInFlight / 2;
}

/**
 * The folder of an experiment's point results under `results/<base>` (`raw`, or
 * `published/<host-class>`), relative to the workspace root. Kept under `experiments/` so the
 * lab's report, which reads every result below results/published and results/raw, leaves the
 * experiment's points to the experiment's own report.
 */
export function experimentDir(base: string, experimentId: string): string {
  return join('results', base, 'experiments', experimentId);
}

/** Where a point's result file is measured to (its Nx task's output), relative to the workspace root. */
export function resultPath(experimentId: string, point: Pick<Point, 'id'>): string {
  return `${experimentDir('raw', experimentId)}/${point.id}.json`.split('\\').join('/');
}

/**
 * Reads every point's result file `<point id>.json` from `dir` (relative to `workspaceRoot`;
 * default results/raw/experiments/<experiment>); absent files are `missing`, not errors.
 */
export async function readPointOutcomes(
  workspaceRoot: string,
  experimentId: string,
  points: readonly Point[],
  dir = experimentDir('raw', experimentId),
): Promise<PointOutcome[]> {
  return Promise.all(
    points.map(async (point) => {
      const file = join(workspaceRoot, dir, `${point.id}.json`);
      if (!existsSync(file)) return emptyOutcome(point, 'missing', null);
      try {
        return pointOutcome(point, await readResultFile(file));
      } catch (error) {
        return emptyOutcome(point, 'unreadable', (error as Error).message.split('\n')[0] ?? 'unreadable');
      }
    }),
  );
}

/**
 * The verdict of a closed-loop point whose runs are too short for its latencies: in most of its
 * runs the generator waited out its whole grace period after the run's end
 * (`DEFAULT_GRACE_MS` of @lab/engine) and gave up the requests still in flight. Those requests are
 * in no figure: the latency percentiles are cut off near the run's end plus the grace, and the
 * Little's-law check, which sums the time of the requests that finished, reads their missing time
 * as a busy generator. Such a point is set aside like any other invalid one; longer runs, or
 * fewer VUs for the budget, measure it.
 */
export const TOO_SHORT = 'too-short';

/** Whether the generator gave up requests at the end of most of a closed-loop result's runs (see {@link TOO_SHORT}). */
export function gaveUpRequests(result: ResultFile): boolean {
  if (result.cell.loadModel.kind !== 'closed') return false;
  const limitMs = result.plan.runDurationMs + DEFAULT_GRACE_MS;
  const exhausted = result.runs.filter((r) => r.durationMs >= limitMs - GRACE_SLACK_MS).length;
  return exhausted * 2 > result.runs.length;
}

/**
 * Whether a capacity point is `unstable` only because its runs' mean rates differ, or its runs'
 * capacities by no more than one sweep step (the resolution of a sweep). A sweep run's
 * rate averages every step it ran, so it differs between runs exactly as far as their capacities
 * do; the capacities' own interval carries that spread, so the guide reads such a point as valid
 * (its file's verdict shown beside it). Any other reason keeps the verdict the file records.
 * Only results written before the lab judged a sweep's stability on its capacities
 * (`stabilityFigures` in libs/runner) carry this reason; newer ones say `CV of the sweep capacity`,
 * which the guide also reads as valid when the runs' capacities lie within one sweep step of each
 * other, as the lab's gate now does (`withinOneStep` in libs/runner) for results written after it.
 */
export function unstableOnlyByResolution(result: ResultFile, capacitiesPerSec: readonly number[], stepPerSec: number | null): boolean {
  const { verdict, reasons } = result.validity;
  if (result.cell.loadModel.kind !== 'sweep' || verdict !== 'unstable' || reasons.length === 0) return false;
  if (reasons.every((r) => r.startsWith('CV of ratePerSec '))) return true;
  // A run whose sweep found no capacity records 0 (libs/runner/src/observe.ts): the gate's null.
  const runs = capacitiesPerSec.length === result.runs.length ? capacitiesPerSec.map((c) => ({ capacityPerSec: c > 0 ? c : null })) : [];
  return (
    stepPerSec !== null &&
    runs.length > 0 &&
    reasons.every((r) => r.startsWith('CV of the sweep capacity ')) &&
    withinOneStep({ kind: 'sweep', stepRatePerSec: stepPerSec }, runs)
  );
}

/** How close to the end of the grace period a run's measured duration counts as reaching it, ms. */
const GRACE_SLACK_MS = 50;

/** The in-flight limit a sweep result records, else the one it ran with before results recorded it. */
function recordedMaxInFlight(result: ResultFile): number {
  const load = result.cell.loadModel;
  return (load.kind === 'sweep' ? load.maxVus : undefined) ?? SWEEP_MAX_IN_FLIGHT;
}

/** The values a result records per run under `<key>.<run>` in its extras, in run order. */
function perRun(result: ResultFile, key: string): (string | number | boolean)[] {
  const extras = result.extras;
  return Object.keys(extras)
    .filter((k) => k.startsWith(`${key}.`) && /^\d+$/.test(k.slice(key.length + 1)))
    .sort((a, b) => Number(a.slice(key.length + 1)) - Number(b.slice(key.length + 1)))
    .map((k) => extras[k]!);
}

/** Why a point's capacities are only a lower bound, the first that applies in {@link CapacityBound}'s order; null when they are not. */
function capacityBoundOf(sweep: SweepRange | null, result: ResultFile, capacitiesPerSec: readonly number[]): CapacityBound | null {
  if (!sweep) return null;
  if (capacitiesPerSec.some((c) => c >= sweep.top)) return 'sweep-top';
  if (perRun(result, 'sweep.generatorStalled').includes(true)) return 'generator-stall';
  const p50Us = result.stats?.percentilesUs.p50 ?? null;
  if (p50Us !== null && capacitiesPerSec.some((c) => inFlightBound(c, sweep.step, p50Us, recordedMaxInFlight(result)))) return 'in-flight';
  return null;
}

/**
 * A capacity interval widened by its sweep's resolution: every run's capacity is the highest step
 * it passed, so its true value lies between that step and the next, and the interval's upper end
 * moves up by one step. Without it, five runs that all passed 600 and failed 650 would read
 * 600 [600–600], a certainty the sweep never had.
 */
export function withStepResolution(interval: RunInterval, sweep: SweepRange | null): RunInterval {
  return sweep ? { ...interval, high: interval.high + sweep.step } : interval;
}

/**
 * The share of its CPU budget a server must use in a second to count as using all of it. A quota
 * is enforced per 100 ms period and sampled once a second, so a saturated server reads a little
 * above or below it in any one second.
 */
export const SATURATED_SHARE = 0.9;

/**
 * A closed loop's server busy cores in each second of each run, its first and last seconds aside
 * (a run starts and drains inside them). Null for a sweep, whose load changes every step, or when
 * some run records no server CPU for a second.
 */
function closedLoopServerCores(result: ResultFile): number[][] | null {
  if (result.cell.loadModel.kind !== 'closed') return null;
  const runs = result.runs.map((r) => r.timeline?.cpuCores.server?.slice(1, -1));
  if (runs.length === 0 || runs.some((seconds) => !seconds || seconds.length === 0 || seconds.some((c) => c === null))) return null;
  return runs as number[][];
}

/**
 * Whether the server used its whole CPU budget (`cpus` cores) in every second of every run
 * ({@link closedLoopServerCores}). When such a point is `unstable`, its runs did different amounts
 * of work with the same CPU time: the host's speed moved between them (a busy sibling hyperthread
 * or a clock change, which the steal counter does not show), not the server's share of it.
 */
function usedWholeBudget(runs: readonly number[][], cpus: number): boolean {
  return runs.every((seconds) => seconds.every((c) => c >= SATURATED_SHARE * cpus));
}

/** The server's mean busy cores over the seconds of every run ({@link closedLoopServerCores}). */
function meanServerCores(runs: readonly number[][]): number {
  const seconds = runs.flat();
  return seconds.reduce((a, b) => a + b, 0) / seconds.length;
}

/**
 * The share of one server process's RSS that the server's RSS must lose from one second to the
 * next for a process to count as gone. A worker that is killed and replaced takes all of its
 * memory with it and its successor starts small; a garbage collection returns less at once, though
 * a V8 heap shrinking can return half a process's (Node's cluster workers on this lab's sweeps).
 */
export const PROCESS_GONE_SHARE = 0.5;

/** How many seconds before a process's memory is freed its requests may have failed (see {@link runsLosingAProcess}). */
export const FAILED_BEFORE_SECONDS = 5;

/**
 * The runs that lost a server process mid-run: the server's process tree lost at least
 * {@link PROCESS_GONE_SHARE} of one process's RSS (the run's highest tree RSS over the tree's
 * processes) within one second, and requests failed within {@link FAILED_BEFORE_SECONDS} seconds
 * before it (or in the second after). A worker its master kills (gunicorn's, silent past its
 * `--timeout`) closes its connections first, failing the requests on them, and frees its memory
 * when its exit completes: 1–4 s later for the FastAPI workers measured at 0.25–0.5 CPU. A garbage
 * collection fails none. Null when some run records no server RSS or no failures per second, or
 * the result no process count.
 */
function runsLosingAProcess(result: ResultFile, processes: number | null): [number, number] | null {
  if (!processes) return null;
  const runs = result.runs.map((r) => ({ rss: r.timeline?.rssBytes.server ?? [], errors: r.timeline?.errors ?? [] }));
  if (runs.length === 0 || runs.some((r) => r.rss.length < 2 || r.errors.length === 0)) return null;
  const lost = runs.filter(({ rss, errors }) => {
    const oneProcess = Math.max(...rss.map((b) => b ?? 0)) / processes;
    const failedNear = (i: number) => errors.slice(Math.max(0, i - FAILED_BEFORE_SECONDS), i + 2).some((e) => e > 0);
    return rss.some((bytes, i) => {
      const before = rss[i - 1];
      return bytes !== null && before != null && before - bytes >= PROCESS_GONE_SHARE * oneProcess && failedNear(i);
    });
  }).length;
  return [lost, runs.length];
}

/** The figures of one point's result. */
export function pointOutcome(point: Point, result: ResultFile): PointOutcome {
  const ratesPerSec = result.runs.map((r) => r.ratePerSec).filter((r) => r > 0);
  const extras = result.extras;
  const num = (key: string) => (typeof extras[key] === 'number' ? (extras[key] as number) : null);
  const processes = num('serverTree.processes');
  const peak = num('serverTree.hwmBytes') ?? result.resources.server?.peakRssBytes ?? null;
  const capacitiesPerSec = perRun(result, 'sweep.capacityRatePerSec') as number[];
  const sweep = measuredSweep(point, result);
  const capacityBound = capacityBoundOf(sweep, result, capacitiesPerSec);
  const serverCores = closedLoopServerCores(result);
  return {
    point,
    status: 'measured',
    problem: null,
    verdict: gaveUpRequests(result) ? TOO_SHORT : unstableOnlyByResolution(result, capacitiesPerSec, sweep?.step ?? null) ? 'valid' : result.validity.verdict,
    recordedVerdict: result.validity.verdict,
    preset: result.plan.preset,
    measuredAt: result.provenance.createdAt,
    measuredCores: result.provenance.hostFingerprint.cores,
    hostClass: hostClassOf(result),
    ratesPerSec,
    rate: ratesPerSec.length > 0 ? runInterval(ratesPerSec) : null,
    p99Us: result.stats?.percentilesUs.p99 ?? null,
    serverProcesses: processes,
    serverPeakRssBytes: peak,
    rssPerProcessBytes: processes && peak !== null ? peak / processes : null,
    capacitiesPerSec,
    capacity:
      capacitiesPerSec.length > 0 && capacitiesPerSec.every((c) => c > 0)
        ? withStepResolution(runInterval(capacitiesPerSec), capacityBound === null ? sweep : null)
        : null,
    capacityCapped: capacityBound !== null,
    capacityBound,
    sweep,
    driver: result.plan.driver,
    budgetSaturated: serverCores && usedWholeBudget(serverCores, point.cpus),
    serverCpuCores: serverCores && meanServerCores(serverCores),
    processLostRuns: runsLosingAProcess(result, processes),
  };
}

function emptyOutcome(point: Point, status: PointStatus, problem: string | null): PointOutcome {
  return {
    point,
    status,
    problem,
    verdict: null,
    recordedVerdict: null,
    preset: null,
    measuredAt: null,
    measuredCores: null,
    hostClass: null,
    ratesPerSec: [],
    rate: null,
    p99Us: null,
    serverProcesses: null,
    serverPeakRssBytes: null,
    rssPerProcessBytes: null,
    capacitiesPerSec: [],
    capacity: null,
    capacityCapped: false,
    capacityBound: null,
    sweep: definedSweep(point),
    driver: null,
    budgetSaturated: null,
    serverCpuCores: null,
    processLostRuns: null,
  };
}
