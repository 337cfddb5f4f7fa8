import { LOADGEN_MAX_CONNECTIONS, normalizeLoad, plannedDurationMs, staticDriverChoice, type DriverChoice, type LoadSpec, type Scenario } from '@lab/engine';
import { defaultProfileName, resolveProfile, type ResolvedProfile } from '@lab/isolation';
import { experimentSchema, type ImplManifest } from '@lab/manifest';
import {
  BENCH_DEFAULTS,
  PRESET_DEFAULTS,
  optionsFromEnv,
  type BenchOptions,
  type Driver,
  type DriverOption,
  type Origin,
  type Preset,
  type SweepOption,
  type ValidityLimits,
} from './bench-options';
import { ceilingFor, type CalibrationFile } from './calibration';
import { RunnerError } from './errors';
import { implEnv } from './start-impl';

/** What {@link planCell} needs: the cell's parts, the host, and the three option layers. */
export interface PlanInput {
  /** The implementation: its id, absolute folder and normalised manifest (`loadManifests`). */
  implementation: { id: string; dir: string; manifest: ImplManifest };
  /** The scenario, as `defineScenario` returned it. */
  scenario: Scenario<any>;
  /** Absolute workspace root (for provenance: git). */
  workspaceRoot: string;
  /** The host's online CPUs, e.g. `os.availableParallelism()`. */
  host: { cores: number };
  /** The environment to read LAB_* variables from (pass `process.env`); default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Explicit options (CLI flags): they win over everything else. */
  options?: BenchOptions;
  /** This host's calibration (`loadCalibration`), read by the caller: its ceiling for the plan's driver and profile becomes the default generator ceiling. */
  calibration?: CalibrationFile;
  /**
   * What `--driver auto` resolves to for this scenario: `chooseDriver(scenario)` from
   * `@lab/engine` (async: it probes the iteration offline), read by the caller. Without it, auto
   * decides only what needs no probe (load model, thresholds, a declared mix) and otherwise
   * keeps the native driver.
   */
  autoDriver?: DriverChoice;
}

/** One cell, fully resolved: what `--dry-run` prints and what `runCell` executes. */
export interface CellPlan {
  workspaceRoot: string;
  implementation: { id: string; dir: string; manifest: ImplManifest };
  /** `default` when no variant was named; `env` is the variant's overrides. */
  variant: { id: string; env: Record<string, string> };
  scenario: Scenario<any>;
  profile: ResolvedProfile;
  /** The scenario's load model with the duration override applied. */
  load: LoadSpec;
  /** Length of one measured run, ms (a sweep: all its steps): `plannedDurationMs(load)`, under the result file's name. */
  runDurationMs: number;
  warmupMs: number;
  runs: { min: number; max: number };
  /** Relative CI half-width of the median ratePerSec at which repetition stops (a fraction). */
  precisionTarget: number;
  /** The driver that measures the cell (`auto` already resolved). */
  driver: Driver;
  /** Which driver and why, e.g. `loadgen: closed load with a fixed request mix`; stored as the result's `extras['driver.choice']`. */
  driverChoice: string;
  seed: number;
  preset: Preset;
  /** Run the conformance gate before the first run. */
  gate: boolean;
  quiet: { maxBusyCores: number; timeoutMs: number };
  validity: ValidityLimits;
  /** Calibrated generator ceiling on this host, requests per second, when known. */
  generatorCeilingPerSec?: number;
  /** The implementation's environment before ports and service URLs: `implEnv` of the manifest and variant. */
  serverEnv: Record<string, string>;
  /** Where each option came from (defaults < preset < scenario < env < option). */
  origins: Record<string, Origin>;
}

type Layer = { origin: Origin; options: BenchOptions };

/**
 * Resolves one cell (pure: no I/O, the environment is passed in). Precedence, in this one
 * place: defaults < preset < scenario < environment (LAB_*) < explicit options. Throws
 * LAB_RUNNER_OPTIONS_INVALID listing every bad value, LAB_VARIANT_UNKNOWN, or the isolation
 * errors of `resolveProfile` (unknown profile, profile too big for the host).
 */
export function planCell(input: PlanInput): CellPlan {
  const fromEnv = optionsFromEnv(input.env ?? {});
  const problems = [...fromEnv.problems];
  const layers: Layer[] = [
    { origin: 'env', options: fromEnv.options },
    { origin: 'option', options: input.options ?? {} },
  ];
  const origins: Record<string, Origin> = {};
  /** The highest-precedence value of `key`, else `fallback` with its origin. */
  const pick = <T>(key: string, read: (o: BenchOptions) => T | undefined, fallback: T, origin: Origin): T => {
    for (const layer of [...layers].reverse()) {
      const value = read(layer.options);
      if (value !== undefined) return ((origins[key] = layer.origin), value);
    }
    origins[key] = origin;
    return fallback;
  };

  const preset = pick('preset', (o) => o.preset, 'standard' as Preset, 'default');
  const base = PRESET_DEFAULTS[preset];
  const presetOrigin: Origin = preset === 'standard' ? 'default' : 'preset';
  const maxErrorRate = pick('maxErrorRate', (o) => o.maxErrorRate, BENCH_DEFAULTS.validity.maxErrorRate, 'default');
  const vus = pick('vus', (o) => o.vus, undefined as number | undefined, 'scenario');
  const sweep = pick('sweep', (o) => o.sweep, undefined as SweepOption | undefined, 'scenario');
  const scenario = sweep ? { ...input.scenario, load: sweepLoad(sweep, input.scenario.load, maxErrorRate) } : input.scenario;
  const scenarioDurationMs = overridableDurationMs(scenario.load);
  const cappedMs = base.durationMs ?? (base.durationCapMs ? Math.min(scenarioDurationMs, base.durationCapMs) : scenarioDurationMs);
  const durationMs = pick('durationMs', (o) => o.durationMs, cappedMs, cappedMs === scenarioDurationMs ? 'scenario' : 'preset');
  const warmupMs = pick('warmupMs', (o) => o.warmupMs, base.warmupMs, presetOrigin);
  const min = pick('runs.min', (o) => o.runs?.min, base.runs.min, presetOrigin);
  const max = pick('runs.max', (o) => o.runs?.max, Math.max(base.runs.max, min), presetOrigin);
  const precisionTarget = pick('precision', (o) => o.precision, base.precision, presetOrigin);
  const requested = pick('driver', (o) => o.driver, BENCH_DEFAULTS.driver, 'default');
  const { driver, driverChoice } = resolveDriver(requested, origins.driver!, scenario, input.autoDriver);
  const seed = pick('seed', (o) => o.seed, BENCH_DEFAULTS.seed, 'default');
  const profileName = pick('profile', (o) => o.profile, undefined as string | undefined, 'default');
  const skipGate = pick('skipGate', (o) => o.skipGate, false, 'default');
  // The calibration file's ceiling (for this driver and profile) is the default; LAB_GENERATOR_CEILING and options win.
  const calibrated = input.calibration ? ceilingFor(input.calibration, driver, resolveProfileName(profileName, input.host)) : undefined;
  const ceiling = pick('generatorCeilingPerSec', (o) => o.generatorCeilingPerSec, calibrated, calibrated !== undefined ? 'calibration' : 'default');
  const quiet = {
    maxBusyCores: pick('quiet.maxBusyCores', (o) => o.quiet?.maxBusyCores, BENCH_DEFAULTS.quiet.maxBusyCores, 'default'),
    timeoutMs: pick(
      'quiet.timeoutMs',
      (o) => o.quiet?.timeoutMs,
      base.quietTimeoutMs ?? BENCH_DEFAULTS.quiet.timeoutMs,
      base.quietTimeoutMs ? 'preset' : 'default',
    ),
  };

  const positiveInt = (name: string, v: number): void => {
    if (!(Number.isInteger(v) && v > 0)) problems.push(`${name}: expected a positive integer, got ${v}`);
  };
  positiveInt('durationMs', durationMs);
  positiveInt('runs.min', min);
  positiveInt('runs.max', max);
  if (!(Number.isInteger(warmupMs) && warmupMs >= 0)) problems.push(`warmupMs: expected an integer ≥ 0, got ${warmupMs}`);
  if (min > max) problems.push(`runs: min ${min} exceeds max ${max}`);
  if (max > 100) problems.push(`runs.max: at most 100, got ${max}`);
  if (!(precisionTarget > 0 && precisionTarget < 1)) problems.push(`precision: expected a fraction in (0, 1), got ${precisionTarget}`);
  if (!Number.isInteger(seed)) problems.push(`seed: expected an integer, got ${seed}`);
  if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) problems.push(`maxErrorRate: expected a fraction in [0, 1], got ${maxErrorRate}`);
  if (ceiling !== undefined && !(ceiling > 0)) problems.push(`generatorCeilingPerSec: expected > 0, got ${ceiling}`);
  if (driver === 'wrk' && scenario.load.kind !== 'closed') {
    problems.push(`driver: wrk drives closed loads only; scenario ${input.scenario.id} is ${scenario.load.kind}`);
  }
  if (driver === 'loadgen' && scenario.load.kind !== 'closed' && scenario.load.kind !== 'sweep') {
    problems.push(`driver: loadgen drives closed loads and sweeps only; scenario ${input.scenario.id} is ${scenario.load.kind}`);
  }
  if (vus !== undefined) positiveInt('vus', vus);
  if (vus !== undefined && scenario.load.kind !== 'closed')
    problems.push(`vus: only a closed load has virtual users; this cell's load is ${scenario.load.kind}`);
  if (sweep) {
    for (const key of ['startRatePerSec', 'stepRatePerSec', 'p99Ms'] as const)
      if (!(sweep[key] > 0)) problems.push(`sweep.${key}: expected > 0, got ${sweep[key]}`);
    positiveInt('sweep.maxSteps', sweep.maxSteps);
  }
  if (problems.length > 0) {
    throw new RunnerError('LAB_RUNNER_OPTIONS_INVALID', `invalid bench options:\n  ${problems.join('\n  ')}`, { problems });
  }

  const manifest = input.implementation.manifest;
  const variantId = pick('variant', (o) => o.variant, 'default', 'default');
  const variant = variantId === 'default' ? undefined : manifest.variants.find((v) => v.id === variantId);
  if (variantId !== 'default' && !variant) {
    throw new RunnerError('LAB_VARIANT_UNKNOWN', `implementation ${input.implementation.id} has no variant "${variantId}"`, {
      hint: `known variants: ${manifest.variants.map((v) => v.id).join(', ') || 'none'}`,
    });
  }
  const profile = resolveProfile(profileName, input.host);
  origins.profile = profileName === undefined ? 'default' : origins.profile!;
  const load = normalizeLoad(scenario.load, { durationMs, ...(vus !== undefined ? { vus } : {}) });
  return {
    workspaceRoot: input.workspaceRoot,
    implementation: input.implementation,
    variant: { id: variantId, env: { ...(variant?.env ?? {}) } },
    scenario,
    profile,
    load,
    runDurationMs: plannedDurationMs(load),
    warmupMs,
    runs: { min, max },
    precisionTarget,
    driver,
    driverChoice,
    seed,
    preset,
    gate: !skipGate,
    quiet,
    validity: { ...BENCH_DEFAULTS.validity, maxErrorRate },
    ...(ceiling !== undefined ? { generatorCeilingPerSec: ceiling } : {}),
    serverEnv: implEnv(manifest, variant?.env),
    origins,
  };
}

/**
 * The concrete driver: as asked, or for `auto` the Go generator where it can express the
 * scenario (a closed load with a fixed request mix, thresholds it can evaluate), else native.
 * Returns it with the reason, `<driver>: <why>`.
 */
export function resolveDriver(
  requested: DriverOption,
  origin: Origin,
  scenario: Scenario<any>,
  probed?: DriverChoice,
): { driver: Driver; driverChoice: string } {
  if (requested !== 'auto') {
    const by = origin === 'env' ? 'LAB_DRIVER' : origin === 'option' ? '--driver' : origin;
    return { driver: requested, driverChoice: `${requested}: asked for by ${by}` };
  }
  const choice = staticDriverChoice(scenario) ?? probed ?? { driver: 'native', reason: 'the iteration was not probed for a fixed request mix' };
  return { driver: choice.driver, driverChoice: `${choice.driver}: ${choice.reason}` };
}

function resolveProfileName(name: string | undefined, host: { cores: number }): string {
  return name ?? defaultProfileName(host);
}

/** The sweep a {@link SweepOption} asks for, each step as long as the scenario's run, with {@link sweepMaxInFlight} requests in flight. */
function sweepLoad(sweep: SweepOption, load: LoadSpec, maxErrorRate: number): LoadSpec {
  return {
    kind: 'sweep',
    startRatePerSec: sweep.startRatePerSec,
    stepRatePerSec: sweep.stepRatePerSec,
    stepDurationMs: overridableDurationMs(load),
    maxSteps: sweep.maxSteps,
    maxInFlight: sweepMaxInFlight(sweep),
    slo: { percentile: 99, maxLatencyMs: sweep.p99Ms, maxErrorRate },
  };
}

/** The fewest requests a sweep keeps in flight: the open models' usual limit. */
const MIN_SWEEP_IN_FLIGHT = 256;

/**
 * How many requests a sweep may keep in flight: by Little's law, what its top rate needs when every
 * request takes the whole SLO (top rate × p99 limit), at least {@link MIN_SWEEP_IN_FLIGHT}. A step
 * then fails on requests it could not send only when the server's latencies already break the
 * SLO, so the generator's limit never passes for the server's: with a fixed 256, a 100 ms wait
 * capped every server near 2,560 req/s. At most the Go generator's {@link LOADGEN_MAX_CONNECTIONS}
 * (one connection per request in flight): a sweep whose top needs more still runs, and a capacity
 * it finds near that limit is read as the generator's (the report's in-flight check, from the
 * `maxVus` the result records).
 */
export function sweepMaxInFlight(sweep: SweepOption): number {
  const littlesLaw = Math.ceil((experimentSchema.sweepTopRatePerSec(sweep) * sweep.p99Ms) / 1000);
  return Math.min(LOADGEN_MAX_CONNECTIONS, Math.max(MIN_SWEEP_IN_FLIGHT, littlesLaw));
}

/** The duration a `durationMs` override replaces: the run (open-stages: the total, scaled; sweep: one step). */
function overridableDurationMs(load: LoadSpec): number {
  return load.kind === 'sweep' ? load.stepDurationMs : plannedDurationMs(load);
}
