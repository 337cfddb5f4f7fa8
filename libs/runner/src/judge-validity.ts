import { coefficientOfVariation, median } from '@lab/stats';
import type { ValidityLimits } from './bench-options';

/** A cell's verdict: only `valid` cells are ranked. */
export type Verdict = 'valid' | 'generator-bound' | 'errors' | 'checks-failed' | 'unstable' | 'noisy' | 'crashed';

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
  /** Mean latency of the run, µs; null without requests. */
  meanLatencyUs: number | null;
}

/** What {@link judgeValidity} needs. */
export interface ValidityInput {
  runs: readonly RunFigures[];
  /** The plan's maxRuns: instability only counts when repetition could not reach the precision target. */
  maxRuns: number;
  load: { kind: string; vus?: number };
  /** wrk's mean latency includes its coordinated-omission correction, so Little's law is not checked for it. */
  driver?: 'native' | 'wrk';
  /** Cores the generator may use (its cpuset size, else 1: the Node driver and wrk -t1 use one). Default 1. */
  generatorCores?: number;
  /** Calibrated generator ceiling, requests per second, when known. */
  generatorCeilingPerSec?: number;
  /** Why the implementation crashed, if it did. */
  crash?: string;
  limits: ValidityLimits;
}

/** A verdict and every reason behind it (reasons may also accompany `valid`, as remarks). */
export interface Validity {
  verdict: Verdict;
  reasons: string[];
}

/** When several problems apply, the verdict is the first of these that does. */
const PRECEDENCE: readonly Verdict[] = ['crashed', 'errors', 'checks-failed', 'generator-bound', 'noisy', 'unstable'];

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Judges a cell (pure). Generator-bound: median generator CPU ≥ `generatorCpuFraction` of its
 * cores, or median rate ≥ `ceilingFraction` × the calibrated ceiling, or (closed model)
 * Little's law shows the VUs spent more than `littleTolerance` of their time outside the
 * measured latency (L = rate × mean latency < VUs: client-side time). Errors / checks-failed:
 * pooled failure rates above their limits. Noisy: background CPU above `maxBackgroundCores` in
 * the majority of runs. Unstable: CV of ratePerSec above `maxCv` once maxRuns were needed.
 */
export function judgeValidity(input: ValidityInput): Validity {
  const { runs, limits } = input;
  const found = new Map<Verdict, string[]>();
  const add = (verdict: Verdict, reason: string) => found.set(verdict, [...(found.get(verdict) ?? []), reason]);
  const remarks: string[] = [];
  if (input.crash !== undefined) add('crashed', `the implementation crashed: ${input.crash}`);
  if (runs.length === 0) {
    if (input.crash === undefined) add('crashed', 'no measured run completed');
    return finish(found, remarks);
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
    add('generator-bound', `the load generator used ${pct(generatorCpu / generatorCores)} of its ${generatorCores} core(s) (limit ${pct(limits.generatorCpuFraction)}): the rate is a lower bound`);
  }
  const rate = median(runs.map((r) => r.ratePerSec));
  if (input.generatorCeilingPerSec && rate >= limits.ceilingFraction * input.generatorCeilingPerSec) {
    add('generator-bound', `the rate ${rate.toFixed(0)}/s is ≥ ${pct(limits.ceilingFraction)} of the generator's calibrated ceiling ${input.generatorCeilingPerSec.toFixed(0)}/s`);
  }
  littlesLaw(input, add, remarks);

  const noisyRuns = runs.filter((r) => r.backgroundCpuCores > limits.maxBackgroundCores).length;
  if (noisyRuns * 2 > runs.length) {
    add('noisy', `background CPU above ${limits.maxBackgroundCores} cores in ${noisyRuns} of ${runs.length} runs`);
  }

  if (runs.length >= input.maxRuns && runs.length >= 2) {
    const rates = runs.map((r) => r.ratePerSec);
    const cv = sum(rates) > 0 ? coefficientOfVariation(rates) : 0;
    if (cv > limits.maxCv) add('unstable', `CV of ratePerSec across ${runs.length} runs is ${pct(cv)} (limit ${pct(limits.maxCv)}) after maxRuns`);
  }
  return finish(found, remarks);
}

/** Closed model: concurrency L = rate × mean latency should equal the VUs (Little's law, L = λW). */
function littlesLaw(input: ValidityInput, add: (v: Verdict, reason: string) => void, remarks: string[]): void {
  const vus = input.load.vus;
  if (input.load.kind !== 'closed' || !vus || input.driver === 'wrk') return;
  const concurrency = input.runs
    .filter((r) => r.meanLatencyUs !== null && r.requests > 0)
    .map((r) => r.ratePerSec * (r.meanLatencyUs! / 1e6));
  if (concurrency.length === 0) return;
  const l = median(concurrency);
  const deviation = l / vus - 1;
  if (Math.abs(deviation) <= input.limits.littleTolerance) return;
  const text = `Little's law: ${vus} VUs but rate × mean latency = ${l.toFixed(2)} (${deviation > 0 ? '+' : ''}${pct(deviation)}, tolerance ±${pct(input.limits.littleTolerance)})`;
  if (deviation < 0) add('generator-bound', `${text}: the VUs spent that time in the client, not waiting on the server`);
  else remarks.push(`${text}: latency and rate disagree (measurement overlap)`);
}

function finish(found: Map<Verdict, string[]>, remarks: string[]): Validity {
  const verdict = PRECEDENCE.find((v) => found.has(v)) ?? 'valid';
  const reasons = [...PRECEDENCE.flatMap((v) => found.get(v) ?? []), ...remarks];
  return { verdict, reasons };
}
