import { coefficientOfVariation, median } from '@lab/stats';
import type { Driver, ValidityLimits } from './bench-options';

/** A cell's verdict: only `valid` cells are ranked. */
export type Verdict = 'valid' | 'generator-bound' | 'errors' | 'checks-failed' | 'unstable' | 'noisy' | 'crashed' | 'overloaded' | 'instrument-error';

/** The figures of one measured run that validity looks at. */
export interface RunFigures {
  ratePerSec: number;
  /** Completed requests, failed ones included. */
  requests: number;
  /** Requests that failed (transport error or non-2xx). */
  failedRequests: number;
  checksPassed: number;
  checksFailed: number;
  /** Average busy CPUs of the load generator during the run, in cores. */
  generatorCpuCores: number;
  /** Average busy CPUs of everything outside the cell during the run, in cores. */
  backgroundCpuCores: number;
  /** Average CPUs the hypervisor took from the VM during the run (steal), in cores. */
  stealCpuCores: number;
  /** Open models: iterations never sent because `maxInFlight` were running. */
  droppedIterations: number;
  /** Iterations due in the run: completed + dropped. */
  attemptedIterations: number;
  /** Mean requests in flight (Little's L over every request the VUs sent); null without requests. */
  concurrency: number | null;
  /** Sweeps: the highest rate whose step met the SLO; null when none did. */
  capacityPerSec?: number | null;
}

/** What {@link judgeValidity} needs. */
export interface ValidityInput {
  runs: readonly RunFigures[];
  /** The plan's maxRuns: instability only counts when repetition could not reach the precision target. */
  maxRuns: number;
  /** The load model: a closed loop's VUs, a sweep's step (its capacities are read to one step). */
  load: { kind: string; vus?: number; stepRatePerSec?: number };
  /** The driver, named in the reasons (wrk's mean latency includes synthetic samples). */
  driver?: Driver;
  /** Cores the generator may use (its cpuset size, else 1: the Node driver and wrk -t1 use one). Default 1. */
  generatorCores?: number;
  /** Calibrated generator ceiling, requests per second, when known. */
  generatorCeilingPerSec?: number;
  /** Why the implementation crashed, if it did. */
  crash?: string;
  limits: ValidityLimits;
}

/** A verdict and every reason behind it (none for `valid`). */
export interface Validity {
  verdict: Verdict;
  reasons: string[];
}

/** When several problems apply, the verdict is the first of these that does. */
const PRECEDENCE: readonly Verdict[] = ['crashed', 'instrument-error', 'errors', 'checks-failed', 'overloaded', 'generator-bound', 'noisy', 'unstable'];

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Judges a cell (pure). Instrument error (closed model): Little's L, the mean requests in
 * flight, exceeds the VUs by more than `littleTolerance` in the median run — impossible for a
 * closed loop, so the latencies are not real (wrk adds synthetic samples). Generator-bound:
 * median generator CPU ≥ `generatorCpuFraction` of its cores, or median rate ≥
 * `ceilingFraction` × the calibrated ceiling, or (closed model) L falls short of the VUs by
 * more than `littleTolerance` (the VUs spent that time in the client). L counts every request
 * the VUs sent, unmeasured ones too. Errors / checks-failed: pooled failure rates above their
 * limits. Overloaded (open models): more than `maxDropRate` of the due iterations were dropped
 * at `maxInFlight`, so the offered rate was never met. Noisy: background CPU plus CPU steal
 * above `maxBackgroundCores` in the majority of runs. Unstable: CV of the runs' figure (see
 * {@link stabilityFigures}) above `maxCv` once maxRuns were needed.
 */
export function judgeValidity(input: ValidityInput): Validity {
  const { runs, limits } = input;
  const found = new Map<Verdict, string[]>();
  const add = (verdict: Verdict, reason: string) => found.set(verdict, [...(found.get(verdict) ?? []), reason]);
  if (input.crash !== undefined) add('crashed', `the implementation crashed: ${input.crash}`);
  if (runs.length === 0) {
    if (input.crash === undefined) add('crashed', 'no measured run completed');
    return finish(found);
  }

  const requests = sum(runs.map((r) => r.requests));
  const failed = sum(runs.map((r) => r.failedRequests));
  const errorRate = requests > 0 ? failed / requests : 0;
  if (requests === 0) add('errors', 'no request completed');
  else if (errorRate > limits.maxErrorRate) add('errors', `${pct(errorRate)} of requests failed (limit ${pct(limits.maxErrorRate)})`);

  const checks = sum(runs.map((r) => r.checksPassed + r.checksFailed));
  const checkFailureRate = checks > 0 ? sum(runs.map((r) => r.checksFailed)) / checks : 0;
  if (checkFailureRate > limits.maxCheckFailureRate) {
    add('checks-failed', `${pct(checkFailureRate)} of checks failed (limit ${pct(limits.maxCheckFailureRate)})`);
  }

  const generatorCores = input.generatorCores ?? 1;
  const generatorCpu = median(runs.map((r) => r.generatorCpuCores));
  if (generatorCpu >= limits.generatorCpuFraction * generatorCores) {
    add(
      'generator-bound',
      `the load generator used ${pct(generatorCpu / generatorCores)} of its ${generatorCores} core(s) (limit ${pct(limits.generatorCpuFraction)}): the rate is a lower bound`,
    );
  }
  const rate = median(runs.map((r) => r.ratePerSec));
  if (input.generatorCeilingPerSec && rate >= limits.ceilingFraction * input.generatorCeilingPerSec) {
    add(
      'generator-bound',
      `the rate ${rate.toFixed(0)}/s is ≥ ${pct(limits.ceilingFraction)} of the generator's calibrated ceiling ${input.generatorCeilingPerSec.toFixed(0)}/s`,
    );
  }
  littlesLaw(input, add);

  if (input.load.kind === 'open' || input.load.kind === 'open-stages') {
    const dropped = sum(runs.map((r) => r.droppedIterations));
    const due = sum(runs.map((r) => r.attemptedIterations));
    const dropRate = due > 0 ? dropped / due : 0;
    if (dropRate > limits.maxDropRate) {
      add(
        'overloaded',
        `${pct(dropRate)} of due iterations (${dropped} of ${due}) were dropped at maxInFlight (limit ${pct(limits.maxDropRate)}): the offered rate was not met`,
      );
    }
  }

  const noisyRuns = runs.filter((r) => r.backgroundCpuCores + r.stealCpuCores > limits.maxBackgroundCores).length;
  if (noisyRuns * 2 > runs.length) {
    const steal = median(runs.map((r) => r.stealCpuCores));
    add(
      'noisy',
      `background CPU${steal > 0 ? ' plus CPU steal' : ''} above ${limits.maxBackgroundCores} cores in ${noisyRuns} of ${runs.length} runs (median background ${median(runs.map((r) => r.backgroundCpuCores)).toFixed(2)}, steal ${steal.toFixed(2)} cores)`,
    );
  }

  if (runs.length >= input.maxRuns && runs.length >= 2) {
    const { name, values } = stabilityFigures(input.load.kind, runs);
    const cv = sum(values) > 0 ? coefficientOfVariation(values) : 0;
    if (cv > limits.maxCv && !withinOneStep(input.load, runs))
      add('unstable', `CV of ${name} across ${runs.length} runs is ${pct(cv)} (limit ${pct(limits.maxCv)}) after maxRuns`);
  }
  return finish(found);
}

/**
 * The figure whose spread between runs judges a cell's stability and ends its repetition: a
 * sweep's capacity (a run without one counts 0), else the rate. A sweep run's mean rate averages
 * every step it ran, so it moves with how far the run got, not with how steady the server was.
 */
export function stabilityFigures(loadKind: string, runs: readonly Pick<RunFigures, 'ratePerSec' | 'capacityPerSec'>[]): { name: string; values: number[] } {
  return loadKind === 'sweep'
    ? { name: 'the sweep capacity', values: runs.map((r) => r.capacityPerSec ?? 0) }
    : { name: 'ratePerSec', values: runs.map((r) => r.ratePerSec) };
}

/**
 * Whether every run of a sweep found a capacity and they differ by at most one step. A run's
 * capacity is the highest step it passed, so its truth lies below the next step: runs split
 * between two adjacent steps agree as closely as the sweep can tell, however large that step is
 * against the capacity (runs at 4,000 ×4 and 5,000 req/s are a CV of 10.6 %). The capacity's interval carries
 * that step (`withStepResolution` in experiments/server-config).
 */
export function withinOneStep(load: ValidityInput['load'], runs: readonly Pick<RunFigures, 'capacityPerSec'>[]): boolean {
  if (load.kind !== 'sweep' || load.stepRatePerSec === undefined) return false;
  const capacities = runs.map((r) => r.capacityPerSec);
  if (capacities.some((c) => c === null || c === undefined)) return false;
  const values = capacities as number[];
  return Math.max(...values) - Math.min(...values) <= load.stepRatePerSec;
}

/** Closed model: the mean requests in flight L should equal the VUs (Little's law, L = λW). */
function littlesLaw(input: ValidityInput, add: (v: Verdict, reason: string) => void): void {
  const vus = input.load.vus;
  if (input.load.kind !== 'closed' || !vus) return;
  const concurrency = input.runs.flatMap((r) => (r.concurrency !== null && r.requests > 0 ? [r.concurrency] : []));
  if (concurrency.length === 0) return;
  const l = median(concurrency);
  const deviation = l / vus - 1;
  if (Math.abs(deviation) <= input.limits.littleTolerance) return;
  const text = `Little's law: ${vus} VUs but ${l.toFixed(2)} requests in flight on average (${deviation > 0 ? '+' : ''}${pct(deviation)}, tolerance ±${pct(input.limits.littleTolerance)})`;
  if (deviation < 0) add('generator-bound', `${text}: the VUs spent that time in the client, not waiting on the server`);
  else {
    const why =
      input.driver === 'wrk' ? "wrk's latencies include synthetic samples (its coordinated-omission correction)" : 'the latencies overlap or are not real';
    add('instrument-error', `${text}: a closed loop cannot exceed its VUs, so ${why}`);
  }
}

function finish(found: Map<Verdict, string[]>): Validity {
  const verdict = PRECEDENCE.find((v) => found.has(v)) ?? 'valid';
  const reasons = PRECEDENCE.flatMap((v) => found.get(v) ?? []);
  return { verdict, reasons };
}
