import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'undici';
import type { Scenario, SetupContext, SweepLoad } from '../define-scenario';
import { EngineError } from '../errors';
import { createHttpClient } from '../http/http-client';
import { SWEEP_DEFAULT_MAX_IN_FLIGHT, plannedDurationMs } from '../load/load-spec';
import { runSweep } from '../load/sweep';
import { mergeBuckets, mergeKeyedBuckets } from '../metrics/merge-buckets';
import { summarize } from '../metrics/recorder';
import { createRandom } from '../random';
import { type DriverResult, type MetricBucket, emptyErrorCounts } from './driver-result';
import { runSetup, runTeardown } from './lifecycle';
import type { DriverOptions } from './native';
import { type Recorded, deriveMix, fromDeclared } from './wrk-mix';

/** The Go generator's folder (tools/loadgen), its Go sources and its binary. */
export const LOADGEN_DIR = fileURLToPath(new URL('../../../../tools/loadgen/', import.meta.url));
/** Where `nx run loadgen:build` (and the driver, on first use) puts the binary. */
export const DEFAULT_LOADGEN_PATH = join(LOADGEN_DIR, 'bin', 'loadgen');
/** The most connections the Go generator opens (`maxConnections` in tools/loadgen/plan.go). */
export const LOADGEN_MAX_CONNECTIONS = 10_000;

/** One request of a plan, as tools/loadgen reads it. */
export interface LoadgenPlanRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  bodyBase64?: string;
  weight?: number;
  endpoint: string;
  group?: string;
}

/** The plan tools/loadgen reads (JSON). */
export interface LoadgenPlan {
  target: string;
  connections: number;
  durationMs: number;
  graceMs: number;
  timeoutMs?: number;
  /** Set: an open run at this rate (request i due i / rate after the start) instead of closed loops. */
  ratePerSec?: number;
  requests: LoadgenPlanRequest[];
}

/** One bucket of the generator's output. */
export interface LoadgenBucket {
  requests: number;
  errors: number;
  inFlightUs: number;
  latencyUs: { count: number; min: number; max: number; mean: number; stdev: number; percentiles: Record<string, number> };
  /** HdrHistogram V2 compressed, base64 (µs, 1 µs–60 s, 3 significant digits). */
  histogram: string;
}

/** The JSON tools/loadgen prints on stdout (times in ms, latencies in µs). */
export interface LoadgenOutput {
  client: string;
  connections: number;
  plannedDurationMs: number;
  durationMs: number;
  requests: number;
  ratePerSec: number;
  statuses: Record<string, number>;
  errors: { timeout: number; connect: number; reset: number; non2xx: number; other: number };
  bytesReceived: number;
  inFlightUs: number;
  cpuSeconds: { user: number; system: number; total: number };
  /** An open run's rate; 0 for closed loops. */
  targetRatePerSec: number;
  /** An open run's requests due while every connection had one in flight: not sent, not in `requests`. */
  dropped: number;
  /** The longest an open run sent a request after its due time, µs (its latency counts from the due time). */
  maxSendLagUs: number;
  abandoned: number;
  interrupted: boolean;
  overall: LoadgenBucket;
  endpoints: Record<string, LoadgenBucket>;
  groups: Record<string, LoadgenBucket>;
  perRequest: number[];
  timeline: { second: number; requests: number; errors: number; p50Us: number; p99Us: number }[];
}

/** What the generator does not record, in every result it gives. */
const REPLAYED_MIX_NOTE =
  "checks, trends and counters are not recorded: the scenario's iteration does not run during the load, its fixed request mix is replayed";

/** The endpoint a mix entry is counted under: its tag, else `METHOD /path` (as the native driver). */
const endpointOf = (r: Recorded): string => r.endpoint ?? `${r.method} ${r.path.split('?')[0]}`;

/** The generator's plan for a fixed mix (pure): bodies as UTF-8 strings or base64 bytes. */
export function buildLoadgenPlan(mix: readonly Recorded[], load: { target: string; connections: number; durationMs: number; graceMs: number }): LoadgenPlan {
  if (load.connections > LOADGEN_MAX_CONNECTIONS) {
    throw new EngineError(
      'LAB_LOADGEN_FAILED',
      `the load generator opens at most ${LOADGEN_MAX_CONNECTIONS.toLocaleString('en-US')} connections; this run asks for ${load.connections.toLocaleString('en-US')} (VUs or a sweep's requests in flight)`,
      { hint: `Use at most ${LOADGEN_MAX_CONNECTIONS.toLocaleString('en-US')} VUs, or the native driver (--driver native).` },
    );
  }
  return {
    target: load.target,
    connections: load.connections,
    durationMs: Math.max(1, Math.round(load.durationMs)),
    graceMs: Math.max(0, Math.round(load.graceMs)),
    requests: mix.map((r) => ({
      method: r.method,
      path: r.path,
      ...(Object.keys(r.headers).length > 0 ? { headers: r.headers } : {}),
      ...(r.body === undefined ? {} : typeof r.body === 'string' ? { body: r.body } : { bodyBase64: r.body.toString('base64') }),
      ...(r.weight !== 1 ? { weight: r.weight } : {}),
      endpoint: endpointOf(r),
      ...(r.group !== undefined ? { group: r.group } : {}),
    })),
  };
}

/** A bucket of the result: the latency summary computed by hdr-histogram-js from the generator's histogram. */
function bucketFrom(b: LoadgenBucket): MetricBucket {
  const h = hdr.decodeFromCompressedBase64(b.histogram, 32, false);
  try {
    return { requests: b.requests, errors: b.errors, latency: summarize(h), histogram: b.histogram };
  } finally {
    h.destroy();
  }
}

/** Maps the generator's output into the common result shape (pure). */
export function mapLoadgenOutput(out: LoadgenOutput, mix: readonly Recorded[]): DriverResult {
  const errors = emptyErrorCounts();
  errors.timeout = out.errors.timeout;
  errors.connect = out.errors.connect;
  errors.reset = out.errors.reset;
  errors.non2xx = out.errors.non2xx;
  errors.other = out.errors.other;
  const mapAll = (m: Record<string, LoadgenBucket>) => Object.fromEntries(Object.entries(m).map(([k, b]) => [k, bucketFrom(b)]));
  const open = out.targetRatePerSec > 0;
  const notes = [
    open
      ? `loadgen (Go, ${out.client}): an open run at ${out.targetRatePerSec} req/s on up to ${out.connections} keep-alive connections; every answered request's latency from its due time to the last byte of the response (no coordinated omission), no synthetic samples`
      : `loadgen (Go, ${out.client}): a closed loop per keep-alive connection; every answered request's latency as measured from sending to the last byte of the response, with no coordinated-omission correction and no synthetic samples`,
    REPLAYED_MIX_NOTE,
    "generatorCpuSeconds is the generator process's own CPU during the load (getrusage); iterations.completed counts requests",
  ];
  if (out.abandoned > 0) notes.push(`${out.abandoned} request(s) still in flight after the grace period were abandoned and not counted`);
  if (out.dropped > 0) notes.push(`${out.dropped} request(s) dropped: due while every connection had one in flight`);
  if (mix.length > 1) notes.push(`the mix has ${mix.length} requests, sent in a weighted rotation shared by every connection`);
  return {
    driver: 'loadgen',
    loadKind: open ? 'open' : 'closed',
    histogramSource: 'hdr',
    durationMs: out.durationMs,
    requests: out.requests,
    ratePerSec: out.ratePerSec,
    bytesReceived: out.bytesReceived,
    statuses: { ...out.statuses },
    errors,
    checks: {},
    groups: mapAll(out.groups),
    endpoints: mapAll(out.endpoints),
    overall: bucketFrom(out.overall),
    timeline: out.timeline.map((s) => ({ ...s })),
    trends: {},
    counters: {},
    extras: {},
    iterations: { completed: out.requests, dropped: out.dropped },
    unmeasuredRequests: 0,
    inFlightUs: out.inFlightUs,
    generatorCpuSeconds: out.cpuSeconds.total,
    interrupted: out.interrupted,
    notes,
  };
}

/** Newest modification time of the generator's sources (Go files, go.mod, go.sum), ms. */
async function sourcesMtimeMs(dir: string): Promise<number> {
  const names = (await readdir(dir)).filter((n) => (n.endsWith('.go') && !n.endsWith('_test.go')) || n === 'go.mod' || n === 'go.sum');
  const times = await Promise.all(names.map(async (n) => (await stat(join(dir, n))).mtimeMs));
  return Math.max(0, ...times);
}

let building: Promise<string> | undefined;

/**
 * The generator's binary, built first when it is missing or older than its sources
 * (`go build -o bin/loadgen`, as the Nx target `loadgen:build`; one build at a time per process,
 * written beside and renamed, so a concurrent reader never sees half a file). A `path` other than
 * the default is used as it is. Throws LAB_LOADGEN_NOT_FOUND when it cannot be had.
 */
export async function ensureLoadgen(path: string = DEFAULT_LOADGEN_PATH, log?: (line: string) => void): Promise<string> {
  if (path !== DEFAULT_LOADGEN_PATH) {
    try {
      await access(path);
      return path;
    } catch {
      throw new EngineError('LAB_LOADGEN_NOT_FOUND', `the load generator is not at ${path}`);
    }
  }
  const built = await stat(path).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (built !== undefined && built >= (await sourcesMtimeMs(LOADGEN_DIR))) return path;
  building ??= buildLoadgen(path, built === undefined ? 'missing' : 'older than its sources', log).finally(() => (building = undefined));
  return building;
}

function buildLoadgen(path: string, why: string, log?: (line: string) => void): Promise<string> {
  const tmp = `${path}.${process.pid}.tmp`;
  log?.(`lab: building the load generator (${why}): go build -o bin/loadgen in tools/loadgen`);
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['build', '-buildvcs=false', '-trimpath', '-o', tmp, '.'], { cwd: LOADGEN_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) =>
      reject(
        new EngineError(
          'LAB_LOADGEN_NOT_FOUND',
          `cannot build the load generator: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'go is not installed' : err.message}`,
          { cause: err },
        ),
      ),
    );
    child.on('close', (code) => {
      if (code !== 0) {
        void rm(tmp, { force: true });
        reject(new EngineError('LAB_LOADGEN_NOT_FOUND', `go build of tools/loadgen failed (exit ${code}): ${stderr.trim().slice(0, 1000)}`));
        return;
      }
      rename(tmp, path).then(() => resolve(path), reject);
    });
  });
}

/** What the generator's runs take: the driver's options, and `wrap` (its argv rewritten, e.g. into its resource group). */
type LoadgenOptions = DriverOptions & { wrap?: ((argv: string[]) => string[]) | undefined };

/**
 * Runs a closed-model scenario, or a sweep, with the lab's Go generator (tools/loadgen): setup,
 * the fixed mix (declared in `wrk.requests`, or derived from two probe iterations against the
 * server, the wrk driver's rule), the load, teardown. The generator runs through `wrap` (e.g. in
 * its resource group), with GOMAXPROCS=1. A closed load is one `loadgen -plan plan.json
 * -progress`; a sweep is one `loadgen -steps` process that runs each open step it is given on the
 * same connections ({@link sweepWithLoadgen}).
 */
export async function runLoadgen(scenario: Scenario<unknown>, opts: LoadgenOptions & { loadgenPath?: string | undefined }): Promise<DriverResult> {
  const load = scenario.load;
  if (load.kind !== 'closed' && load.kind !== 'sweep') {
    throw new EngineError('LAB_LOADGEN_UNSUPPORTED', `the Go load generator runs closed loops and sweeps; the ${load.kind} model needs the native driver`);
  }
  const binary = await ensureLoadgen(opts.loadgenPath);
  const origin = opts.target.origin;
  const controlPool = new Pool(origin, { connections: 2, pipelining: 1 });
  // The pid in the name lets the next lab command remove it if this process is SIGKILLed (@lab/infra recoverLeftovers).
  const dir = await mkdtemp(join(tmpdir(), `lab-loadgen-${process.pid}-`));
  try {
    const setupCtx: SetupContext = { http: createHttpClient(controlPool, {}), baseUrl: origin, random: createRandom(opts.seed, 0) };
    const setupData = await runSetup(scenario, setupCtx);
    const mix = scenario.wrk ? fromDeclared(scenario.wrk.requests) : await deriveMix(scenario, controlPool, setupData, opts.seed, 'loadgen');
    const connections = load.kind === 'closed' ? load.vus : (load.maxInFlight ?? SWEEP_DEFAULT_MAX_IN_FLIGHT);
    const durationMs = load.kind === 'closed' ? load.durationMs : load.stepDurationMs;
    const plan = buildLoadgenPlan(mix, { target: origin, connections, durationMs, graceMs: opts.graceMs });
    const planPath = join(dir, 'plan.json');
    await writeFile(planPath, JSON.stringify(plan));
    const result =
      load.kind === 'sweep' ? await sweepWithLoadgen(binary, planPath, load, mix, opts) : await closedWithLoadgen(binary, planPath, plan, mix, opts);
    result.extras = await runTeardown(scenario, { ...setupCtx, counters: {}, checks: {} }, setupData);
    return result;
  } finally {
    await controlPool.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

async function closedWithLoadgen(binary: string, planPath: string, plan: LoadgenPlan, mix: readonly Recorded[], opts: LoadgenOptions): Promise<DriverResult> {
  const args = ['-plan', planPath, '-progress'];
  const gen = startLoadgen(binary, args, opts, (p) =>
    opts.onProgress?.({
      elapsedMs: p.elapsedMs,
      totalMs: plan.durationMs,
      requests: p.requests,
      errors: p.errors,
      ratePerSec: p.elapsedMs > 0 ? p.requests / (p.elapsedMs / 1000) : 0,
    }),
  );
  let stdout = '';
  gen.child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await gen.exited;
  let output: LoadgenOutput;
  try {
    output = JSON.parse(stdout) as LoadgenOutput;
  } catch (err) {
    throw new EngineError('LAB_LOADGEN_FAILED', `the load generator exited with ${code} and printed no result: ${gen.stderr().trim().slice(0, 500)}`, {
      cause: err,
    });
  }
  const result = mapLoadgenOutput(output, mix);
  result.notes.push(`command: GOMAXPROCS=1 loadgen -plan plan.json -progress (${plan.connections} connections, ${plan.durationMs} ms)`);
  return result;
}

/**
 * A sweep (`runSweep`) whose open steps are run by one `loadgen -steps` process: each step is a
 * line on its stdin, `{"ratePerSec","durationMs"}`, and its result a line on its stdout. The
 * connections a step leaves idle serve the next, as the native driver's VUs do. A step's
 * generator stall is the longest the generator sent a request after its due time. The steps'
 * results are totalled into one result, as the native driver totals its steps.
 */
async function sweepWithLoadgen(binary: string, planPath: string, load: SweepLoad, mix: readonly Recorded[], opts: LoadgenOptions): Promise<DriverResult> {
  const t0 = performance.now();
  const totalMs = plannedDurationMs(load);
  let before = { requests: 0, errors: 0 };
  const gen = startLoadgen(binary, ['-plan', planPath, '-steps', '-progress', '-client', 'epoll'], opts, (p) => {
    const elapsedMs = performance.now() - t0;
    const requests = before.requests + p.requests;
    opts.onProgress?.({ elapsedMs, totalMs, requests, errors: before.errors + p.errors, ratePerSec: requests / (elapsedMs / 1000) });
  });
  const lines = stdoutLines(gen);
  const steps: { output: LoadgenOutput; secondOffset: number }[] = [];
  try {
    const sweep = await runSweep(load, async (ratePerSec) => {
      const secondOffset = Math.floor((performance.now() - t0) / 1000);
      gen.child.stdin!.write(`${JSON.stringify({ ratePerSec, durationMs: load.stepDurationMs })}\n`);
      const line = await lines.next();
      let output: LoadgenOutput;
      try {
        output = JSON.parse(line) as LoadgenOutput;
      } catch (err) {
        throw new EngineError('LAB_LOADGEN_FAILED', `the load generator answered a step with no result: ${line.slice(0, 200)}`, { cause: err });
      }
      steps.push({ output, secondOffset });
      before = { requests: before.requests + output.requests, errors: before.errors + output.overall.errors };
      return {
        achievedRatePerSec: output.ratePerSec,
        p99Us: output.overall.latencyUs.percentiles['99'] ?? 0,
        requests: output.requests,
        failedRequests: output.overall.errors,
        dropped: output.dropped,
        interrupted: output.interrupted,
        generatorStallMs: output.maxSendLagUs / 1000,
      };
    });
    const { interrupted, ...rest } = sweep;
    const result = totalSteps(steps, mix, performance.now() - t0);
    result.sweep = rest;
    result.interrupted = interrupted;
    result.notes.push(
      `command: GOMAXPROCS=1 loadgen -plan plan.json -steps -progress -client epoll (${steps.length} step(s) of ${load.stepDurationMs} ms, up to ${load.maxInFlight ?? SWEEP_DEFAULT_MAX_IN_FLIGHT} connections)`,
    );
    return result;
  } finally {
    gen.child.stdin!.end();
    await gen.exited;
  }
}

/**
 * One result for a sweep's steps (pure): counts added, histograms merged, the steps' timelines
 * placed at the second each step started (`secondOffset`; a second two steps share adds their
 * counts and keeps the higher percentiles).
 */
export function totalSteps(steps: readonly { output: LoadgenOutput; secondOffset: number }[], mix: readonly Recorded[], durationMs: number): DriverResult {
  const results = steps.map((s) => mapLoadgenOutput(s.output, mix));
  const errors = emptyErrorCounts();
  const statuses: Record<string, number> = {};
  const timeline = new Map<number, DriverResult['timeline'][number]>();
  steps.forEach((step, i) => {
    const r = results[i]!;
    for (const k of Object.keys(errors) as (keyof typeof errors)[]) errors[k] += r.errors[k];
    for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    for (const p of r.timeline) {
      const second = p.second + step.secondOffset;
      const had = timeline.get(second);
      timeline.set(
        second,
        had
          ? {
              second,
              requests: had.requests + p.requests,
              errors: had.errors + p.errors,
              p50Us: Math.max(had.p50Us, p.p50Us),
              p99Us: Math.max(had.p99Us, p.p99Us),
            }
          : { ...p, second },
      );
    }
  });
  const sum = (f: (r: DriverResult) => number): number => results.reduce((total, r) => total + f(r), 0);
  const requests = sum((r) => r.requests);
  const dropped = sum((r) => r.iterations.dropped);
  const abandoned = steps.reduce((total, s) => total + s.output.abandoned, 0);
  const notes = [
    `loadgen (Go, ${steps[0]?.output.client ?? 'epoll'}): a sweep of open steps on up to ${steps[0]?.output.connections ?? 0} keep-alive connections kept from step to step; every answered request's latency from its due time to the last byte of the response (no coordinated omission), no synthetic samples`,
    REPLAYED_MIX_NOTE,
    "generatorCpuSeconds is the generator process's own CPU during the steps (getrusage); iterations.completed counts requests",
  ];
  if (abandoned > 0) notes.push(`${abandoned} request(s) still in flight after a step's grace period were abandoned and not counted`);
  if (dropped > 0) notes.push(`${dropped} request(s) dropped: due while every connection had one in flight`);
  return {
    driver: 'loadgen',
    loadKind: 'sweep',
    histogramSource: 'hdr',
    durationMs,
    requests,
    ratePerSec: durationMs > 0 ? requests / (durationMs / 1000) : 0,
    bytesReceived: sum((r) => r.bytesReceived),
    statuses,
    errors,
    checks: {},
    groups: mergeKeyedBuckets(results.map((r) => r.groups)),
    endpoints: mergeKeyedBuckets(results.map((r) => r.endpoints)),
    overall: mergeBuckets(results.map((r) => r.overall)),
    timeline: [...timeline.values()].sort((a, b) => a.second - b.second),
    trends: {},
    counters: {},
    extras: {},
    iterations: { completed: requests, dropped },
    unmeasuredRequests: 0,
    inFlightUs: sum((r) => r.inFlightUs ?? 0),
    generatorCpuSeconds: sum((r) => r.generatorCpuSeconds),
    interrupted: results.some((r) => r.interrupted),
    notes,
  };
}

/** A running generator: its process, the stderr lines that were not progress, and its exit code. */
interface RunningLoadgen {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the generator: progress lines from stderr go to `onProgress`, SIGINT on abort (it then stops and still prints its result). */
function startLoadgen(
  binary: string,
  args: string[],
  opts: LoadgenOptions,
  onProgress: (p: { elapsedMs: number; requests: number; errors: number }) => void,
): RunningLoadgen {
  const [file, ...argv] = opts.wrap ? opts.wrap([binary, ...args]) : [binary, ...args];
  const child = spawn(file!, argv, { env: { ...process.env, GOMAXPROCS: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let pending = '';
  child.stderr!.on('data', (d: Buffer) => {
    pending += d.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const p = progressOf(line);
      if (p) onProgress(p);
      else stderr += `${line}\n`;
    }
  });
  // A generator that exits early closes its stdin: a write then fails with EPIPE, which `exited` reports.
  child.stdin!.on('error', () => {});
  const onAbort = (): void => void child.kill('SIGINT');
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new EngineError('LAB_LOADGEN_FAILED', `could not start the load generator: ${err.message}`, { cause: err }));
    });
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(code);
    });
  });
  return { child, stderr: () => stderr + pending, exited };
}

/** The generator's stdout, line by line: `next()` waits for the next line, and fails once the generator has exited without one. */
function stdoutLines(gen: RunningLoadgen): { next: () => Promise<string> } {
  const ready: string[] = [];
  let pending = '';
  let waiting: { resolve: (line: string) => void; reject: (err: Error) => void } | undefined;
  let ended: Error | undefined;
  gen.child.stdout!.on('data', (d: Buffer) => {
    pending += d.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      ready.push(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
    if (waiting && ready.length > 0) {
      const w = waiting;
      waiting = undefined;
      w.resolve(ready.shift()!);
    }
  });
  gen.exited.then(
    (code) => {
      ended = new EngineError('LAB_LOADGEN_FAILED', `the load generator exited with ${code} before the step's result: ${gen.stderr().trim().slice(0, 500)}`);
      waiting?.reject(ended);
    },
    (err: Error) => {
      ended = err;
      waiting?.reject(err);
    },
  );
  return {
    next: () => {
      if (ready.length > 0) return Promise.resolve(ready.shift()!);
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
}

function progressOf(line: string): { elapsedMs: number; requests: number; errors: number } | undefined {
  if (!line.startsWith('{"progress":')) return undefined;
  try {
    return (JSON.parse(line) as { progress: { elapsedMs: number; requests: number; errors: number } }).progress;
  } catch {
    return undefined;
  }
}
