/**
 * The presets: `standard` (the defaults below), `quick` (a smoke measurement, never ranked: the
 * report lists its cells as indicative), `suite` (the README's default suite: every basic
 * scenario on every implementation with 3 short runs; ranked only against other suite cells) and
 * `publish` (what `lab publish` measures for the committed results: a fixed number of runs of a
 * fixed length, so every published cell cost the same and is ranked against its peers).
 */
export type Preset = 'standard' | 'quick' | 'suite' | 'publish';

/** Every preset name, for parsing flags and LAB_PRESET. */
export const PRESETS: readonly Preset[] = ['standard', 'quick', 'suite', 'publish'];

/**
 * Which load generator drives the cell: `native` (undici in the lab process), `wrk`, or
 * `loadgen` (the lab's Go generator, tools/loadgen: closed loads with a fixed request mix, raw
 * mergeable histograms).
 */
export type Driver = 'native' | 'wrk' | 'loadgen';

/** What may be asked for: a driver, or `auto` (the default): loadgen where it can express the scenario, else native. */
export type DriverOption = Driver | 'auto';

/** Every value `--driver` and LAB_DRIVER accept. */
export const DRIVER_OPTIONS: readonly DriverOption[] = ['auto', 'native', 'wrk', 'loadgen'];

/** Where a planned value came from, lowest precedence first. */
export type Origin = 'default' | 'calibration' | 'preset' | 'scenario' | 'env' | 'option';

/** Limits of the validity judgement (see `judgeValidity`); fractions, cores and requests per second. */
export interface ValidityLimits {
  /** Generator CPU, as a fraction of its core, from which a cell is generator-bound. Default 0.85. */
  generatorCpuFraction: number;
  /** Achieved rate, as a fraction of the calibrated generator ceiling, from which a cell is generator-bound. Default 0.9. */
  ceilingFraction: number;
  /** Highest tolerated failed-request rate, a fraction. Default 0.01. */
  maxErrorRate: number;
  /** Highest tolerated failed-check rate, a fraction. Default 0.01. */
  maxCheckFailureRate: number;
  /** Background load, in cores, above which a run is noisy. Default 0.10. */
  maxBackgroundCores: number;
  /** Coefficient of variation across runs above which a cell that hit maxRuns is unstable. Default 0.10. */
  maxCv: number;
  /** Little's law tolerance for closed models: |mean requests in flight / VUs − 1|. Default 0.15. */
  littleTolerance: number;
  /** Open models: highest tolerated fraction of due iterations dropped at maxInFlight. Default 0.01. */
  maxDropRate: number;
}

/**
 * Options of one bench, as the CLI (or a test) passes them. Every field is optional; absent
 * fields fall back to LAB_* environment variables, then the scenario, then the defaults.
 */
export interface BenchOptions {
  /** Variant id from the manifest; absent = the implementation as configured by default. */
  variant?: string;
  /** Resource profile name (`@lab/isolation`); default chosen by core count. */
  profile?: string;
  preset?: Preset;
  runs?: { min?: number; max?: number };
  /** Length of each measured run (a sweep's step), ms. Default: the scenario's. */
  durationMs?: number;
  /** Discarded warm-up before each measured run, ms. Default 5000 (quick: 1000). */
  warmupMs?: number;
  /** Stop when the 95 % CI of the rate (t interval on log run rates) is within ±precision (a fraction). Default 0.02. */
  precision?: number;
  /** Default `auto`: the Go generator for a closed load with a fixed request mix, else native (`planCell` records why). */
  driver?: DriverOption;
  /** Seed of the engine's per-VU randomness and of the bootstrap. Default 1. */
  seed?: number;
  /** Skip the conformance gate (explicit only: an unchecked implementation can be fast because it is wrong). */
  skipGate?: boolean;
  /** The generator's calibrated ceiling on this host, requests per second (`lab calibrate`); overrides the calibration file. */
  generatorCeilingPerSec?: number;
  /** Highest tolerated failed-request rate (fraction). Default 0.01. */
  maxErrorRate?: number;
  /** Quiet gate before each run: highest machine load (cores) and how long to wait (ms). */
  quiet?: { maxBusyCores?: number; timeoutMs?: number };
  /** Virtual users of a closed load (the scenario's own load otherwise); closed loads only. */
  vus?: number;
  /** Replace the scenario's load by a saturation sweep with a p99 SLO (capacity = the last rate that met it). */
  sweep?: SweepOption;
}

/**
 * A saturation sweep asked for on the command line: open steps at `startRatePerSec`,
 * `+ stepRatePerSec`, … (at most `maxSteps`, each as long as a run) until a step's p99 exceeds
 * `p99Ms` or its error rate exceeds the cell's maxErrorRate.
 */
export interface SweepOption {
  startRatePerSec: number;
  stepRatePerSec: number;
  maxSteps: number;
  /** The SLO: p99 latency at most this, milliseconds. */
  p99Ms: number;
}

/** The defaults of every preset, in one place. */
export const PRESET_DEFAULTS: Readonly<Record<Preset, PresetDefaults>> = {
  standard: { warmupMs: 5_000, runs: { min: 3, max: 10 }, precision: 0.02 },
  /** Quick: 1 s warm-up, 2–3 runs, ±5 %, runs capped at 5 s unless a duration is given explicitly. */
  quick: { warmupMs: 1_000, runs: { min: 2, max: 3 }, precision: 0.05, durationCapMs: 5_000 },
  /**
   * Suite: 1 s warm-up, exactly 3 runs capped at 3 s (the fewest that give a confidence interval
   * and a comparison with a known error rate, so suite cells can be ranked against each other),
   * quiet gate waits at most 2 s (gate on the first run as always). A first look at every basic
   * scenario on every implementation (docs/calibration.md has its measured duration).
   */
  suite: { warmupMs: 1_000, runs: { min: 3, max: 3 }, precision: 0.05, durationCapMs: 3_000, quietTimeoutMs: 2_000 },
  /**
   * Publish: 3 s warm-up (every runtime measured, V8, Ruby with and without YJIT, CPython and Go,
   * on a light and a database-bound scenario, was steady from its 2nd or 3rd second:
   * docs/publishing.md), exactly 5 runs of 10 s each. Change them here and nowhere else.
   */
  publish: { warmupMs: 3_000, runs: { min: 5, max: 5 }, precision: 0.02, durationMs: 10_000 },
};

/** What a preset sets: warm-up (ms), run count, precision (fraction), an optional run-length cap (ms) and quiet-gate timeout (ms). */
export interface PresetDefaults {
  warmupMs: number;
  runs: { min: number; max: number };
  precision: number;
  /** Runs are at most this long (ms) unless a duration is given explicitly. */
  durationCapMs?: number;
  /** Runs are exactly this long (ms), whatever the scenario says, unless a duration is given explicitly. */
  durationMs?: number;
  /** How long the quiet gate waits before each run (ms); default {@link BENCH_DEFAULTS}.quiet.timeoutMs. */
  quietTimeoutMs?: number;
}

/** Defaults that do not depend on the preset. */
export const BENCH_DEFAULTS = {
  driver: 'auto' as DriverOption,
  seed: 1,
  quiet: { maxBusyCores: 0.12, timeoutMs: 15_000 },
  validity: {
    generatorCpuFraction: 0.85,
    ceilingFraction: 0.9,
    maxErrorRate: 0.01,
    maxCheckFailureRate: 0.01,
    maxBackgroundCores: 0.1,
    maxCv: 0.1,
    littleTolerance: 0.15,
    maxDropRate: 0.01,
  } satisfies ValidityLimits,
} as const;

/** The LAB_* variables the runner reads, and the option each one sets. */
export const ENV_VARIABLES = {
  LAB_PROFILE: 'profile',
  LAB_PRESET: 'preset',
  LAB_RUNS: 'runs (`3..10` or `5`)',
  LAB_DURATION_MS: 'durationMs',
  LAB_WARMUP_MS: 'warmupMs',
  LAB_PRECISION: 'precision (a fraction, 0.02)',
  LAB_DRIVER: 'driver (auto, native, wrk or loadgen)',
  LAB_SEED: 'seed',
  LAB_GENERATOR_CEILING: 'generatorCeilingPerSec',
  LAB_MAX_ERROR_RATE: 'maxErrorRate (a fraction)',
} as const;

/**
 * Reads the LAB_* variables into {@link BenchOptions}. Unparseable values become `problems`
 * (`LAB_RUNS: expected min..max`) rather than silently falling back.
 */
export function optionsFromEnv(env: Readonly<Record<string, string | undefined>>): { options: BenchOptions; problems: string[] } {
  const options: BenchOptions = {};
  const problems: string[] = [];
  const get = (name: keyof typeof ENV_VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const number = (name: keyof typeof ENV_VARIABLES): number | undefined => {
    const raw = get(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push(`${name}: expected a number, got "${raw}"`);
    return Number.isFinite(value) ? value : undefined;
  };
  const profile = get('LAB_PROFILE');
  if (profile) options.profile = profile;
  const preset = get('LAB_PRESET');
  if (preset && (PRESETS as readonly string[]).includes(preset)) options.preset = preset as Preset;
  else if (preset) problems.push(`LAB_PRESET: expected ${PRESETS.join(', ')}, got "${preset}"`);
  const runs = get('LAB_RUNS');
  if (runs) {
    const parsed = parseRuns(runs);
    if (parsed) options.runs = parsed;
    else problems.push(`LAB_RUNS: expected min..max or a count, got "${runs}"`);
  }
  const driver = get('LAB_DRIVER');
  if (driver && (DRIVER_OPTIONS as readonly string[]).includes(driver)) options.driver = driver as DriverOption;
  else if (driver) problems.push(`LAB_DRIVER: expected ${DRIVER_OPTIONS.join(', ')}, got "${driver}"`);
  const assign = <K extends keyof BenchOptions>(key: K, value: BenchOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  assign('durationMs', number('LAB_DURATION_MS'));
  assign('warmupMs', number('LAB_WARMUP_MS'));
  assign('precision', number('LAB_PRECISION'));
  assign('seed', number('LAB_SEED'));
  assign('generatorCeilingPerSec', number('LAB_GENERATOR_CEILING'));
  assign('maxErrorRate', number('LAB_MAX_ERROR_RATE'));
  return { options, problems };
}

/** Parses `3..10`, `3..` (min only), `..10` (max only) or `5` (min = max = 5); undefined if malformed. */
export function parseRuns(text: string): { min?: number; max?: number } | undefined {
  const match = /^\s*(\d+)?\s*(?:\.\.\s*(\d+)?)?\s*$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const hasRange = text.includes('..');
  const min = match[1] === undefined ? undefined : Number(match[1]);
  const max = match[2] === undefined ? (hasRange ? undefined : min) : Number(match[2]);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
