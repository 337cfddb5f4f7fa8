import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_WRK_PATH, defineScenario, ensureLoadgen, runScenario, type DriverResult, type ScenarioSpec } from '@lab/engine';
import { findFreePort, spawnManaged, type ManagedProcess } from '@lab/infra';
import { backgroundCpu, createRoleGroups, machineCpu, waitForQuiet, type CreateRoleGroupsOptions, type ResolvedProfile, type RoleGroups } from '@lab/isolation';
import type { Driver } from './bench-options';
import { deriveCeilings, type CalibrationMeasurement, type CalibrationWorkload, type ProfileCalibration } from './calibration';
import { RunnerError } from './errors';
import { pinSelf } from './pin-self';

/**
 * The built-in calibration server: node:http answering every request with a 17-byte JSON body
 * and a Content-Length (chunked responses stall on loopback: docs/background.md).
 */
export const CALIBRATION_SERVER_JS = `
const body = Buffer.from('{"status":"ok"}\\n');
const headers = { 'content-type': 'application/json', 'content-length': body.length };
require('node:http').createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

/** The connection counts each driver is calibrated at. */
export const CALIBRATION_CONNECTIONS = [10, 50] as const;

/** What calibration reports as it goes (the CLI renders it). */
export type CalibrationEvent =
  | { type: 'setting'; driver: Driver; workload: CalibrationWorkload; connections: number; index: number; total: number }
  | { type: 'measured'; measurement: CalibrationMeasurement }
  | { type: 'skipped'; driver: Driver; note: string };

/** Options of {@link runCalibration}. */
export interface CalibrationOptions {
  profile: ResolvedProfile;
  /** Measured window per setting, ms. */
  durationMs: number;
  drivers: readonly Driver[];
  /** Connection counts; default {@link CALIBRATION_CONNECTIONS}. */
  connections?: readonly number[];
  /** Discarded warm-up before each setting, ms. Default min(1000, durationMs / 4). */
  warmupMs?: number;
  /** Quiet gate before each setting: wait up to this long (ms) for the machine to be ≤ 0.12 cores busy; 0 = no gate. Default 10 000. */
  quietTimeoutMs?: number;
  /** wrk binary; default /usr/bin/wrk. Missing → wrk is skipped with a note. */
  wrkPath?: string;
  /** The Go generator's binary; default tools/loadgen/bin/loadgen, built first when missing. Unavailable → loadgen is skipped with a note. */
  loadgenPath?: string;
  signal?: AbortSignal;
  onEvent?: (event: CalibrationEvent) => void;
  isolation?: CreateRoleGroupsOptions;
}

/** A closed GET /health loop against the built-in server. */
const calibrationSpec = {
  category: 'basic',
  description: 'The load generator against a minimal node:http server, to find the generator ceiling.',
  endpoints: ['health'],
  load: { kind: 'closed', vus: 10, durationMs: 5_000 },
} as const satisfies Omit<ScenarioSpec, 'id' | 'title' | 'iteration'>;

/** The bare loop; wrk and the Go generator send the same request (the declared mix). */
const calibrationScenario = defineScenario({
  ...calibrationSpec,
  id: '00-calibration',
  title: 'Calibration: GET /health on the built-in server',
  async iteration({ http }) {
    await http.get('/health', { endpoint: 'health' });
  },
  wrk: { requests: [{ method: 'GET', path: '/health', endpoint: 'health' }] },
});

/** The same loop with 01-lightweight's iteration: its request and its check. */
const checksScenario = defineScenario({
  ...calibrationSpec,
  id: '00-calibration-checks',
  title: "Calibration: GET /health with 01-lightweight's checks",
  async iteration({ http, check }) {
    const res = await http.get('/health', { endpoint: 'health' });
    check('status is 200', res.status === 200);
  },
});

/** The workloads each driver is calibrated with: only the native driver runs checks during the load. */
const workloadsOf = (driver: Driver): CalibrationWorkload[] => (driver === 'native' ? ['bare', 'checks'] : ['bare']);

/**
 * Measures each driver's ceiling on this host and profile: the built-in server in the `server`
 * role, the generator in the `generator` role (the native driver is this process, pinned there;
 * wrk and the Go generator run inside the group, the latter with GOMAXPROCS=1), one setting per
 * driver × workload × connection count, one after another (the native driver `bare` and with
 * `checks`, the others `bare`).
 * Returns the measurements and the ceilings derived from them. Stops everything it started;
 * throws LAB_INTERRUPTED on abort, LAB_IMPL_NOT_READY when the built-in server does not start.
 */
export async function runCalibration(opts: CalibrationOptions): Promise<ProfileCalibration> {
  const connections = opts.connections ?? CALIBRATION_CONNECTIONS;
  const wrkPath = opts.wrkPath ?? DEFAULT_WRK_PATH;
  const skipNotes: Partial<Record<Driver, string>> = {};
  // Built before any measurement, so a first build never runs beside a measured setting.
  const loadgenPath = opts.drivers.includes('loadgen')
    ? await ensureLoadgen(opts.loadgenPath).catch((err: Error) => {
        skipNotes.loadgen = `skipped: ${err.message.split('\n')[0]}`;
        return undefined;
      })
    : undefined;
  const drivers = opts.drivers.filter((driver) => {
    if (driver === 'wrk' && !existsSync(wrkPath)) skipNotes.wrk = `skipped: ${wrkPath} not found (apt-get install wrk)`;
    if (skipNotes[driver] === undefined) return true;
    opts.onEvent?.({ type: 'skipped', driver, note: skipNotes[driver] });
    return false;
  });
  const settings = drivers.flatMap((driver) => workloadsOf(driver).flatMap((workload) => connections.map((c) => ({ driver, workload, connections: c }))));
  const groups = await createRoleGroups(opts.profile, opts.isolation);
  let server: ManagedProcess | undefined;
  const measurements: CalibrationMeasurement[] = [];
  try {
    const port = await findFreePort();
    server = spawnManaged(`exec "${process.execPath}" -e "$LAB_CALIBRATION_SERVER_JS"`, {
      cwd: process.cwd(),
      env: { PORT: String(port), LAB_CALIBRATION_SERVER_JS: CALIBRATION_SERVER_JS },
      wrap: (argv) => groups.wrap('server', argv),
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitReady(baseUrl, server, opts.signal);
    for (const [index, setting] of settings.entries()) {
      if (opts.signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', 'calibration was interrupted');
      opts.onEvent?.({ type: 'setting', ...setting, index, total: settings.length });
      const measurement = await measureSetting(groups, baseUrl, setting, opts, wrkPath, loadgenPath);
      measurements.push(measurement);
      opts.onEvent?.({ type: 'measured', measurement });
    }
  } finally {
    await server?.stop();
    await groups.destroy().catch(() => undefined);
  }
  if (opts.signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', 'calibration was interrupted');
  return {
    profile: opts.profile.name,
    measuredAt: new Date().toISOString(),
    durationMs: opts.durationMs,
    measurements,
    ceilings: deriveCeilings(measurements, opts.drivers, skipNotes),
    mechanism: groups.mechanism,
  };
}

/** One setting: warm-up, then the measured window with CPU sampled for the server, the generator and the machine. */
async function measureSetting(
  groups: RoleGroups,
  baseUrl: string,
  { driver, workload, connections: vus }: { driver: Driver; workload: CalibrationWorkload; connections: number },
  opts: CalibrationOptions,
  wrkPath: string,
  loadgenPath: string | undefined,
): Promise<CalibrationMeasurement> {
  const generatorCpus = opts.profile.roles.generator.cpus;
  const unpin = driver === 'native' && generatorCpus !== undefined ? await pinSelf(generatorCpus) : undefined;
  const run = (durationMs: number) =>
    runScenario(workload === 'checks' ? checksScenario : calibrationScenario, {
      baseUrl,
      driver,
      vus,
      durationMs,
      wrkPath,
      ...(loadgenPath ? { loadgenPath } : {}),
      graceMs: 1_000,
      wrap: (argv) => groups.wrap('generator', argv),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  try {
    const quietTimeoutMs = opts.quietTimeoutMs ?? 10_000;
    const quiet =
      quietTimeoutMs > 0
        ? await waitForQuiet({ maxBusyCores: 0.12, timeoutMs: quietTimeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) }).catch(() => ({ quiet: false }))
        : undefined;
    const warmupMs = opts.warmupMs ?? Math.min(1_000, Math.round(opts.durationMs / 4));
    if (warmupMs > 0) await run(warmupMs);
    const serverBefore = (await groups.usage('server')).cpuSeconds;
    const machineBefore = await machineCpu();
    const ownBefore = process.cpuUsage();
    const result = await run(opts.durationMs);
    const own = process.cpuUsage(ownBefore);
    const machineAfter = await machineCpu();
    const serverCpuSeconds = Math.max(0, (await groups.usage('server')).cpuSeconds - serverBefore);
    const ownSeconds = (own.user + own.system) / 1e6;
    const labCpu = driver === 'native' ? ownSeconds : ownSeconds + result.generatorCpuSeconds;
    const measurement = toMeasurement(driver, workload, vus, result, serverCpuSeconds, backgroundCpu(machineBefore, machineAfter, serverCpuSeconds + labCpu));
    return quiet ? { ...measurement, quietBefore: quiet.quiet } : measurement;
  } finally {
    await unpin?.();
  }
}

function toMeasurement(
  driver: Driver,
  workload: CalibrationWorkload,
  connections: number,
  r: DriverResult,
  serverCpuSeconds: number,
  backgroundCpuCores: number,
): CalibrationMeasurement {
  const seconds = Math.max(r.durationMs, 1) / 1000;
  const p = r.overall.latency.percentilesUs;
  return {
    driver,
    workload,
    connections,
    durationMs: Math.round(r.durationMs),
    ratePerSec: r.ratePerSec,
    requests: r.requests,
    errors: r.overall.errors,
    generatorCpuCores: r.generatorCpuSeconds / seconds,
    serverCpuCores: serverCpuSeconds / seconds,
    backgroundCpuCores,
    p50Us: Math.round(p['50'] ?? 0),
    p99Us: Math.round(p['99'] ?? 0),
  };
}

/** Polls GET /health until it answers 200 (10 s at most). */
async function waitReady(baseUrl: string, server: ManagedProcess, signal?: AbortSignal): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (signal?.aborted) throw new RunnerError('LAB_INTERRUPTED', 'calibration was interrupted');
    if (exited) throw new RunnerError('LAB_IMPL_NOT_READY', `the built-in calibration server exited; log:\n${server.logTail(20)}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new RunnerError('LAB_IMPL_NOT_READY', `the built-in calibration server did not answer within 10 s; log:\n${server.logTail(20)}`);
    await sleep(50);
  }
}
