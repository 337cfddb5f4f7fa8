import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import type { Scenario, SetupContext } from '../define-scenario';
import { EngineError } from '../errors';
import { createHttpClient } from '../http/http-client';
import { createRandom } from '../random';
import { type DriverResult, type LatencySummary, type MetricBucket, emptyErrorCounts } from './driver-result';
import { runSetup, runTeardown } from './lifecycle';
import type { DriverOptions } from './native';
import { generateWrkScript } from './wrk-lua';
import { type Recorded, deriveMix, fromDeclared } from './wrk-mix';

/** Default location of wrk (Debian package `wrk`). */
export const DEFAULT_WRK_PATH = '/usr/bin/wrk';

/** The JSON our Lua `done` hook writes. All times in µs. */
export interface WrkSummary {
  durationUs: number;
  requests: number;
  bytes: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { min: number; max: number; mean: number; stdev: number; percentiles: Record<string, number | null> };
}

/** Reads utime + stime of a process in seconds from /proc/<pid>/stat (USER_HZ = 100 on Linux). */
async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function latencyFrom(s: WrkSummary): LatencySummary {
  const percentilesUs: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.latencyUs.percentiles)) if (v !== null) percentilesUs[k] = v;
  return { count: s.requests, minUs: s.latencyUs.min, maxUs: s.latencyUs.max, meanUs: s.latencyUs.mean, stdevUs: s.latencyUs.stdev, percentilesUs };
}

/** Maps wrk's summary into the common result shape, without inventing what wrk does not report. */
export function mapWrkSummary(s: WrkSummary, mix: Recorded[], extra: { generatorCpuSeconds: number; interrupted: boolean }): DriverResult {
  const errors = emptyErrorCounts();
  errors.connect = s.errors.connect;
  errors.reset = s.errors.read + s.errors.write;
  errors.non2xx = s.errors.status;
  errors.timeout = s.errors.timeout;
  const failed = s.errors.connect + s.errors.read + s.errors.write + s.errors.status + s.errors.timeout;
  const overall: MetricBucket = { requests: s.requests, errors: failed, latency: latencyFrom(s) };
  const durationMs = s.durationUs / 1000;
  const groups = new Set(mix.map((r) => r.group));
  const endpoints = new Set(mix.map((r) => r.endpoint ?? `${r.method} ${r.path.split('?')[0]}`));
  const only = <T>(set: Set<T>): T | undefined => (set.size === 1 ? [...set][0] : undefined);
  const group = only(groups);
  const endpoint = only(endpoints);
  const notes = [
    'wrk reports percentiles only (histogramSource wrk-percentiles); its latency is closed-loop and post-corrected by wrk for coordinated omission',
    'wrk counts only status ≥ 400 as errors and reports no per-status counts, no checks and no timeline',
    'bytesReceived is what wrk read from the socket, headers included (the native driver counts body bytes)',
  ];
  if (groups.size > 1 || endpoints.size > 1) notes.push('the mix has several groups/endpoints; wrk measures them as one distribution');
  return {
    driver: 'wrk',
    loadKind: 'closed',
    histogramSource: 'wrk-percentiles',
    durationMs,
    requests: s.requests,
    ratePerSec: durationMs > 0 ? s.requests / (durationMs / 1000) : 0,
    bytesReceived: s.bytes,
    statuses: {},
    errors,
    checks: {},
    groups: group !== undefined ? { [group]: overall } : {},
    endpoints: endpoint !== undefined ? { [endpoint]: overall } : {},
    overall,
    timeline: [],
    trends: {},
    counters: {},
    extras: {},
    iterations: { completed: s.requests, dropped: 0 },
    unmeasuredRequests: 0,
    inFlightUs: null,
    generatorCpuSeconds: extra.generatorCpuSeconds,
    interrupted: extra.interrupted,
    notes,
  };
}

/**
 * Runs a closed-model scenario with wrk: `wrk -t1 -c<vus> -d<secs>s --latency -s <generated.lua>`.
 * The result comes from the Lua `done` hook's JSON file, never from wrk's text output.
 */
export async function runWrk(
  scenario: Scenario<unknown>,
  opts: DriverOptions & { wrkPath?: string | undefined; wrap?: ((argv: string[]) => string[]) | undefined },
): Promise<DriverResult> {
  const load = scenario.load;
  if (load.kind !== 'closed') {
    throw new EngineError('LAB_WRK_UNSUPPORTED', `wrk 4.1 has no rate option; the ${load.kind} model needs the native driver`, {
      hint: 'Use the native driver for open and sweep loads.',
    });
  }
  const wrkPath = opts.wrkPath ?? DEFAULT_WRK_PATH;
  try {
    await access(wrkPath);
  } catch {
    throw new EngineError('LAB_WRK_NOT_FOUND', `wrk not found at ${wrkPath}`);
  }
  const origin = opts.target.origin;
  const controlPool = new Pool(origin, { connections: 2, pipelining: 1 });
  // The pid in the name lets the next lab command remove it if this process is SIGKILLed (@lab/infra recoverLeftovers).
  const dir = await mkdtemp(join(tmpdir(), `lab-wrk-${process.pid}-`));
  try {
    const setupCtx: SetupContext = { http: createHttpClient(controlPool, {}), baseUrl: origin, random: createRandom(opts.seed, 0) };
    const setupData = await runSetup(scenario, setupCtx);
    const mix = scenario.wrk ? fromDeclared(scenario.wrk.requests) : await deriveMix(scenario, controlPool, setupData, opts.seed);
    const scriptPath = join(dir, 'mix.lua');
    const outPath = join(dir, 'summary.json');
    await writeFile(scriptPath, generateWrkScript(mix));
    const seconds = Math.max(1, Math.round(load.durationMs / 1000));
    const args = ['-t1', `-c${load.vus}`, `-d${seconds}s`, '--latency', '--timeout', '60s', '-s', scriptPath, `${origin}/`];
    const { cpuSeconds, interrupted, code, stderr } = await runChild(wrkPath, args, outPath, seconds * 1000, opts);
    let summary: WrkSummary;
    try {
      summary = JSON.parse(await readFile(outPath, 'utf8')) as WrkSummary;
    } catch (err) {
      throw new EngineError('LAB_WRK_FAILED', `wrk exited with ${code} and wrote no summary: ${stderr.trim().slice(0, 500)}`, { cause: err });
    }
    const extras = await runTeardown(scenario, { ...setupCtx, counters: {}, checks: {} }, setupData);
    const result = mapWrkSummary(summary, mix, { generatorCpuSeconds: cpuSeconds, interrupted });
    result.extras = extras;
    if (seconds * 1000 !== load.durationMs) result.notes.push(`wrk takes whole seconds: ${load.durationMs} ms ran as ${seconds} s`);
    result.notes.push(`command: wrk ${args.slice(0, -3).join(' ')} -s mix.lua ${origin}/`);
    return result;
  } finally {
    await controlPool.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs wrk, sampling its CPU from /proc; SIGINT on abort (wrk then still runs `done`). */
function runChild(
  wrkPath: string,
  args: string[],
  outPath: string,
  totalMs: number,
  opts: DriverOptions & { wrap?: ((argv: string[]) => string[]) | undefined },
): Promise<{ cpuSeconds: number; interrupted: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [file, ...argv] = opts.wrap ? opts.wrap([wrkPath, ...args]) : [wrkPath, ...args];
    const child = spawn(file!, argv, { env: { ...process.env, LAB_WRK_OUT: outPath }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let cpuSeconds = 0;
    let interrupted = false;
    const t0 = performance.now();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The process is reaped at exit, so sample while it runs and keep the last value.
    let ticks = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) void processCpuSeconds(child.pid).then((s) => (cpuSeconds = s ?? cpuSeconds));
      // wrk reports nothing until it ends: progress carries time only.
      if (++ticks % 10 === 0) opts.onProgress?.({ elapsedMs: performance.now() - t0, totalMs, requests: 0, errors: 0, ratePerSec: 0 });
    }, 100);
    const onAbort = (): void => {
      interrupted = true;
      child.kill('SIGINT');
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      clearInterval(sampler);
      reject(new EngineError('LAB_WRK_FAILED', `could not start wrk: ${err.message}`, { cause: err }));
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ cpuSeconds, interrupted, code, stderr });
    });
  });
}
