import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HostFingerprint } from '@lab/results';
import type { Driver } from './bench-options';

/** Version of the calibration file's shape; a file of another version is ignored (recalibrate). */
export const CALIBRATION_VERSION = 1;

/**
 * What every iteration of a calibration setting does. `bare`: GET /health, nothing read (the
 * driver's own ceiling). `checks`: the same request with a typical scenario's checks (those of
 * 01-lightweight: `status is 200`), so the ceiling includes evaluating and counting them. Only
 * the native driver runs iteration code during the load, so only it is calibrated with `checks`.
 */
export type CalibrationWorkload = 'bare' | 'checks';

/** One calibration setting (a driver and workload at a connection count) against the built-in server. */
export interface CalibrationMeasurement {
  driver: Driver;
  /** Absent in files written before workloads existed: `bare`. */
  workload?: CalibrationWorkload;
  /** Connections (closed-model VUs; wrk -c). */
  connections: number;
  /** Measured window, ms. */
  durationMs: number;
  ratePerSec: number;
  requests: number;
  /** Failed requests (transport errors and non-2xx). */
  errors: number;
  /** Average busy CPUs of the generator during the window, in cores. */
  generatorCpuCores: number;
  /** Average busy CPUs of the built-in server, in cores. */
  serverCpuCores: number;
  /** Average busy CPUs of everything else on the machine, in cores. */
  backgroundCpuCores: number;
  p50Us: number;
  p99Us: number;
  /** Whether the quiet gate before the setting saw a quiet machine (absent: no gate). */
  quietBefore?: boolean;
}

/**
 * What calibration concluded about one driver: `generator-bound` (the ceiling is known),
 * `server-bound` (the built-in server saturated first: the ceiling is higher than the best rate),
 * `inconclusive` (neither saturated, e.g. background load), `skipped` (e.g. wrk not installed).
 */
export type CeilingStatus = 'generator-bound' | 'server-bound' | 'inconclusive' | 'skipped';

/** The ceiling of one driver and workload on this host and profile. */
export interface DriverCeiling {
  driver: Driver;
  /** Absent in files written before workloads existed: `bare`. */
  workload?: CalibrationWorkload;
  status: CeilingStatus;
  /** The best rate at which the generator was the limit, req/s; only when `status` is `generator-bound`. */
  ceilingPerSec?: number;
  /** The best rate measured with this driver, req/s (absent when skipped). */
  bestRatePerSec?: number;
  /** One sentence for people. */
  note: string;
}

/** A calibration of one resource profile on this host. */
export interface ProfileCalibration {
  profile: string;
  /** ISO time the calibration finished. */
  measuredAt: string;
  /** Length of each measured setting, ms. */
  durationMs: number;
  measurements: CalibrationMeasurement[];
  ceilings: DriverCeiling[];
  /** How the roles were isolated (e.g. `cgroup-v1`), as `createRoleGroups` reported. */
  mechanism: string;
}

/** The calibration file of one host: one entry per profile calibrated. */
export interface CalibrationFile {
  version: typeof CALIBRATION_VERSION;
  host: HostFingerprint;
  /** {@link hostHash} of `host`: the file name's suffix. */
  hostHash: string;
  profiles: Record<string, ProfileCalibration>;
}

/** Limits of {@link deriveCeilings}: fractions of one core. */
export interface CeilingLimits {
  /** Generator CPU (fraction of its core) from which the generator is the limit. Default 0.85. */
  generatorCpuFraction: number;
  /** Server CPU (fraction of its core) from which the server is the limit. Default 0.85. */
  serverCpuFraction: number;
}

/** Defaults of {@link deriveCeilings}: the 85 % rule (docs/background.md, "the load generator needs a core of its own"). */
export const CEILING_LIMITS: CeilingLimits = { generatorCpuFraction: 0.85, serverCpuFraction: 0.85 };

const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')} req/s`;

/** The workload of a measurement or ceiling; `bare` when the file predates workloads. */
export const workloadOf = (x: { workload?: CalibrationWorkload | undefined }): CalibrationWorkload => x.workload ?? 'bare';

/**
 * Per driver and workload (pure): the ceiling is the best rate among the settings where the
 * generator used at least `generatorCpuFraction` of its core. Without such a setting, when the
 * server was at `serverCpuFraction` or more the verdict is `server-bound` ("ceiling not
 * reached"); otherwise `inconclusive`. Each driver gets its `bare` ceiling (`skipped`, with
 * `skipNotes[driver]` as the note, when it has no measurement), followed by its `checks`
 * ceiling when it was measured with checks.
 */
export function deriveCeilings(
  measurements: readonly CalibrationMeasurement[],
  drivers: readonly Driver[],
  skipNotes: Partial<Record<Driver, string>> = {},
  limits: CeilingLimits = CEILING_LIMITS,
): DriverCeiling[] {
  return drivers.flatMap((driver) => {
    const own = measurements.filter((m) => m.driver === driver && m.requests > 0);
    const withChecks = own.filter((m) => workloadOf(m) === 'checks');
    const bare = ceilingOf(
      driver,
      'bare',
      own.filter((m) => workloadOf(m) === 'bare'),
      skipNotes[driver],
      limits,
    );
    return withChecks.length > 0 ? [bare, ceilingOf(driver, 'checks', withChecks, undefined, limits)] : [bare];
  });
}

function ceilingOf(
  driver: Driver,
  workload: CalibrationWorkload,
  own: readonly CalibrationMeasurement[],
  skipNote: string | undefined,
  limits: CeilingLimits,
): DriverCeiling {
  const tag = { driver, workload };
  if (own.length === 0) return { ...tag, status: 'skipped', note: skipNote ?? 'not measured' };
  const best = Math.max(...own.map((m) => m.ratePerSec));
  const generatorBound = own.filter((m) => m.generatorCpuCores >= limits.generatorCpuFraction);
  if (generatorBound.length > 0) {
    const top = generatorBound.reduce((a, b) => (b.ratePerSec > a.ratePerSec ? b : a));
    const note = `ceiling ${rate(top.ratePerSec)} at ${top.connections} connections (generator at ${pct(top.generatorCpuCores)} of its core)`;
    return { ...tag, status: 'generator-bound', ceilingPerSec: top.ratePerSec, bestRatePerSec: best, note };
  }
  const serverBound = own.filter((m) => m.serverCpuCores >= limits.serverCpuFraction);
  if (serverBound.length > 0) {
    const top = serverBound.reduce((a, b) => (b.ratePerSec > a.ratePerSec ? b : a));
    const note = `ceiling not reached: server-bound at ${rate(top.ratePerSec)}; the driver's ceiling is higher (generator at ${pct(top.generatorCpuCores)} of its core)`;
    return { ...tag, status: 'server-bound', bestRatePerSec: best, note };
  }
  const note = `ceiling not reached: neither the generator nor the server was saturated (best ${rate(best)}; background load?)`;
  return { ...tag, status: 'inconclusive', bestRatePerSec: best, note };
}

/**
 * The known ceiling of `driver` under `profile` for `workload` (default `bare`, the driver's own
 * ceiling), req/s; undefined when not calibrated or not reached.
 */
export function ceilingFor(file: CalibrationFile, driver: Driver, profile: string, workload: CalibrationWorkload = 'bare'): number | undefined {
  return file.profiles[profile]?.ceilings.find((c) => c.driver === driver && workloadOf(c) === workload && c.status === 'generator-bound')?.ceilingPerSec;
}

/** A short stable hash of a host fingerprint (sha256 of its JSON with sorted keys, 12 hex digits). */
export function hostHash(host: HostFingerprint): string {
  const sorted = Object.fromEntries(Object.entries(host).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 12);
}

/** `${LAB_CACHE_DIR:-~/.cache/backend-benchmark-lab}/calibration-<hostHash>.json`. */
export function calibrationPath(host: HostFingerprint, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = env.LAB_CACHE_DIR || join(homedir(), '.cache', 'backend-benchmark-lab');
  return join(dir, `calibration-${hostHash(host)}.json`);
}

/**
 * Adds (or replaces) one profile's calibration in `file` (or a new file for `host`); pure.
 */
export function withProfile(file: CalibrationFile | undefined, host: HostFingerprint, entry: ProfileCalibration): CalibrationFile {
  const base: CalibrationFile =
    file && file.hostHash === hostHash(host) ? file : { version: CALIBRATION_VERSION, host, hostHash: hostHash(host), profiles: {} };
  return { ...base, profiles: { ...base.profiles, [entry.profile]: entry } };
}

/** Writes the file atomically: a temporary file beside it, then a rename. */
export async function saveCalibration(path: string, file: CalibrationFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(file, null, 2)}\n`);
  await rename(tmp, path);
}

/**
 * Reads a calibration file; undefined when it is missing, unreadable, of another version, or
 * not for `host` (when given) — calibration is advisory, so a bad file never fails a bench.
 */
export async function loadCalibration(path: string, host?: HostFingerprint): Promise<CalibrationFile | undefined> {
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as CalibrationFile;
    if (file?.version !== CALIBRATION_VERSION || typeof file.profiles !== 'object' || file.profiles === null) return undefined;
    if (host && file.hostHash !== hostHash(host)) return undefined;
    return file;
  } catch {
    return undefined;
  }
}

function pct(cores: number): string {
  return `${Math.round(cores * 100)}%`;
}
