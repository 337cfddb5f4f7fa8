import { spawn } from 'node:child_process';
import { access, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'undici';
import type { Scenario, SetupContext } from '../define-scenario';
import { EngineError } from '../errors';
import { createHttpClient } from '../http/http-client';
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
  abandoned: number;
  interrupted: boolean;
  overall: LoadgenBucket;
  endpoints: Record<string, LoadgenBucket>;
  groups: Record<string, LoadgenBucket>;
  perRequest: number[];
  timeline: { second: number; requests: number; errors: number; p50Us: number; p99Us: number }[];
}

/** The endpoint a mix entry is counted under: its tag, else `METHOD /path` (as the native driver). */
const endpointOf = (r: Recorded): string => r.endpoint ?? `${r.method} ${r.path.split('?')[0]}`;

/** The generator's plan for a fixed mix (pure): bodies as UTF-8 strings or base64 bytes. */
export function buildLoadgenPlan(mix: readonly Recorded[], load: { target: string; connections: number; durationMs: number; graceMs: number }): LoadgenPlan {
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
  const notes = [
    `loadgen (Go, ${out.client}): a closed loop per keep-alive connection; every answered request's latency as measured from sending to the last byte of the response, with no coordinated-omission correction and no synthetic samples`,
    "checks, trends and counters are not recorded: the scenario's iteration does not run during the load, its fixed request mix is replayed",
    "generatorCpuSeconds is the generator process's own CPU during the load (getrusage); iterations.completed counts requests",
  ];
  if (out.abandoned > 0) notes.push(`${out.abandoned} request(s) still in flight after the grace period were abandoned and not counted`);
  if (mix.length > 1) notes.push(`the mix has ${mix.length} requests, sent in a weighted rotation shared by every connection`);
  return {
    driver: 'loadgen',
    loadKind: 'closed',
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
    iterations: { completed: out.requests, dropped: 0 },
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

/**
 * Runs a closed-model scenario with the lab's Go generator (tools/loadgen): setup, the fixed mix
 * (declared in `wrk.requests`, or derived from two probe iterations against the server, the wrk
 * driver's rule), then `loadgen -plan plan.json -progress` (through `wrap`, e.g. into the
 * generator's resource group, with GOMAXPROCS=1), its JSON result, teardown.
 */
export async function runLoadgen(
  scenario: Scenario<unknown>,
  opts: DriverOptions & { loadgenPath?: string | undefined; wrap?: ((argv: string[]) => string[]) | undefined },
): Promise<DriverResult> {
  const load = scenario.load;
  if (load.kind !== 'closed') {
    throw new EngineError('LAB_LOADGEN_UNSUPPORTED', `the Go load generator runs closed loops only; the ${load.kind} model needs the native driver`);
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
    const plan = buildLoadgenPlan(mix, { target: origin, connections: load.vus, durationMs: load.durationMs, graceMs: opts.graceMs });
    const planPath = join(dir, 'plan.json');
    await writeFile(planPath, JSON.stringify(plan));
    const args = ['-plan', planPath, '-progress'];
    const { stdout, stderr, code } = await runChild(binary, args, load.durationMs, opts);
    let output: LoadgenOutput;
    try {
      output = JSON.parse(stdout) as LoadgenOutput;
    } catch (err) {
      throw new EngineError('LAB_LOADGEN_FAILED', `the load generator exited with ${code} and printed no result: ${stderr.trim().slice(0, 500)}`, {
        cause: err,
      });
    }
    const extras = await runTeardown(scenario, { ...setupCtx, counters: {}, checks: {} }, setupData);
    const result = mapLoadgenOutput(output, mix);
    result.extras = extras;
    result.notes.push(`command: GOMAXPROCS=1 loadgen ${args[0]} plan.json ${args[2]} (${plan.connections} connections, ${plan.durationMs} ms)`);
    return result;
  } finally {
    await controlPool.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the generator: progress lines from stderr, SIGINT on abort (it then stops and still prints its result). */
function runChild(
  binary: string,
  args: string[],
  totalMs: number,
  opts: DriverOptions & { wrap?: ((argv: string[]) => string[]) | undefined },
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const [file, ...argv] = opts.wrap ? opts.wrap([binary, ...args]) : [binary, ...args];
    const child = spawn(file!, argv, { env: { ...process.env, GOMAXPROCS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      pending += d.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const p = progressOf(line);
        if (p)
          opts.onProgress?.({
            elapsedMs: p.elapsedMs,
            totalMs,
            requests: p.requests,
            errors: p.errors,
            ratePerSec: p.elapsedMs > 0 ? p.requests / (p.elapsedMs / 1000) : 0,
          });
        else stderr += `${line}\n`;
      }
    });
    const onAbort = (): void => void child.kill('SIGINT');
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new EngineError('LAB_LOADGEN_FAILED', `could not start the load generator: ${err.message}`, { cause: err }));
    });
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ stdout, stderr: stderr + pending, code });
    });
  });
}

function progressOf(line: string): { elapsedMs: number; requests: number; errors: number } | undefined {
  if (!line.startsWith('{"progress":')) return undefined;
  try {
    return (JSON.parse(line) as { progress: { elapsedMs: number; requests: number; errors: number } }).progress;
  } catch {
    return undefined;
  }
}
