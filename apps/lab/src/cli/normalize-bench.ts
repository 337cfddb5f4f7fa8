import { parseRuns, PRESETS, type BenchOptions, type Preset } from '@lab/runner';
import { usageError } from './errors';
import type { ConfigContext } from './config-context';
import { flagList, flagText } from './flags';
import type { Invocation } from './parse-command-line';

/** What `--driver` accepts (`auto`, the default, resolves per cell in planCell). */
const BENCH_DRIVERS = ['auto', 'native', 'wrk', 'loadgen'] as const satisfies readonly NonNullable<BenchOptions['driver']>[];

/** `lab bench`: the cells to measure and the explicit options (flags only; LAB_* are read by the runner's planCell). */
export interface BenchConfig {
  name: 'bench';
  /** Implementation ids, or `all` (every implementation present), as given. */
  impls: string[];
  /** Scenario ids, category names or `all`, as given (`selectCells` expands them). */
  scenarios: string[];
  /** Flags as runner options: the top layer of planCell's precedence. */
  options: BenchOptions;
  dryRun: boolean;
  json: boolean;
  /** Result file for a single cell; default results/raw/<impl>/<scenario>.json. */
  out: string | undefined;
  nx: boolean;
  /** A live progress line on stderr: only on a TTY and never under Nx (nor with `interleave`: a line per run instead). */
  progress: boolean;
  /** `--interleave`: with several cells, their runs alternate (A B, B A, …) instead of one cell after another. Default false. */
  interleave: boolean;
  /** `--twin`: measure the one cell as two interleaved copies and report how its run-to-run spread splits. Default false. */
  twin: boolean;
}

/** Reads the bench flags into a {@link BenchConfig}; a bad value is a usage error (exit 2). */
export function benchConfig(inv: Invocation, ctx: Pick<ConfigContext, 'stderrIsTTY'>): BenchConfig {
  const v = inv.values;
  const impls = flagList(v.impl);
  const scenarios = flagList(v.scenario);
  if (impls.length === 0 || scenarios.length === 0) {
    throw usageError(
      'LAB_USAGE_BAD_ARGUMENTS',
      'lab bench needs --impl and --scenario',
      'usage: lab bench --impl <id...> --scenario <id...> (lab list shows both)',
    );
  }
  const out = flagText(v.out);
  if (out !== undefined && impls.length * scenarios.length > 1) {
    throw usageError(
      'LAB_USAGE_BAD_ARGUMENTS',
      '--out names one result file but several cells were asked for',
      'leave --out away: each cell goes to results/raw/<impl>/<scenario>.json',
    );
  }
  const options: BenchOptions = {};
  const variant = flagText(v.variant);
  if (variant) options.variant = variant;
  const profile = flagText(v.profile);
  if (profile) options.profile = profile;
  const preset = flagText(v.preset);
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) {
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--preset must be one of ${PRESETS.join(', ')}, got "${preset}"`,
      'suite is the default suite; quick a smoke test; standard the full protocol',
    );
  }
  if (v.quick === true && preset !== undefined && preset !== 'quick') {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', `--quick contradicts --preset ${preset}`, 'give one of them');
  }
  if (preset !== undefined) options.preset = preset as Preset;
  else if (v.quick === true) options.preset = 'quick';
  if (v['skip-gate'] === true) options.skipGate = true;
  const runs = flagText(v.runs);
  if (runs !== undefined) {
    const parsed = parseRuns(runs);
    if (!parsed) throw usageError('LAB_USAGE_BAD_VALUE', `--runs must be min..max or a count, got "${runs}"`, 'e.g. --runs 3..10 or --runs 5');
    options.runs = parsed;
  }
  const duration = flagText(v.duration);
  if (duration !== undefined) options.durationMs = parseDurationMs(duration);
  const precision = flagText(v.precision);
  if (precision !== undefined) options.precision = parsePrecision(precision);
  const driver = flagText(v.driver);
  if (driver !== undefined) {
    if (!(BENCH_DRIVERS as readonly string[]).includes(driver)) {
      throw usageError(
        'LAB_USAGE_BAD_VALUE',
        `--driver must be ${BENCH_DRIVERS.join(', ')}, got "${driver}"`,
        'auto picks loadgen for closed loads with a fixed request mix, else native; wrk and loadgen drive closed loads only',
      );
    }
    options.driver = driver as NonNullable<BenchOptions['driver']>;
  }
  const vus = flagText(v.vus);
  if (vus !== undefined) options.vus = parseCount('--vus', vus);
  const sweep = flagText(v.sweep);
  if (sweep !== undefined) options.sweep = parseSweep(sweep);
  const nx = v.nx === true;
  const twin = v.twin === true;
  if (twin && (nx || v.interleave === true)) {
    throw usageError(
      'LAB_USAGE_BAD_ARGUMENTS',
      `--twin cannot be combined with ${nx ? '--nx' : '--interleave'}`,
      '--twin already interleaves the two copies of its one cell; it is a study, not an Nx task',
    );
  }
  const interleave = v.interleave === true || twin;
  return {
    name: 'bench',
    impls,
    scenarios,
    options,
    dryRun: v['dry-run'] === true,
    json: v.json === true,
    out,
    nx,
    progress: ctx.stderrIsTTY && !nx && !twin,
    interleave,
    twin,
  };
}

/** `30s`, `500ms`, `2m` or plain milliseconds → milliseconds. */
export function parseDurationMs(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw.trim());
  const ms = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm'] : NaN;
  if (!(Number.isInteger(ms) && ms > 0))
    throw usageError('LAB_USAGE_BAD_VALUE', `--duration must be like 30s, 500ms or 2m, got "${raw}"`, 'a positive whole number of milliseconds');
  return ms;
}

/** A positive whole number, else a usage error naming the flag. */
function parseCount(flag: string, raw: string): number {
  const value = Number(raw);
  if (!(Number.isInteger(value) && value > 0))
    throw usageError('LAB_USAGE_BAD_VALUE', `${flag} must be a positive whole number, got "${raw}"`, `e.g. ${flag} 50`);
  return value;
}

/** `start:step:steps:p99ms` (requests per second, steps, milliseconds), e.g. `20:20:10:250` → a {@link SweepOption}. */
export function parseSweep(raw: string): NonNullable<BenchOptions['sweep']> {
  const parts = raw.split(':').map(Number);
  const [startRatePerSec, stepRatePerSec, maxSteps, p99Ms] = parts as [number, number, number, number];
  if (parts.length !== 4 || !parts.every((n) => n > 0) || !Number.isInteger(maxSteps)) {
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--sweep must be start:step:steps:p99ms, got "${raw}"`,
      'e.g. --sweep 20:20:10:250 (20, 40, … 200 req/s until p99 > 250 ms); all four > 0, steps whole',
    );
  }
  return { startRatePerSec, stepRatePerSec, maxSteps, p99Ms };
}

/** `2%` or `0.02` → 0.02; `flag` names the flag in the error. */
export function parsePrecision(raw: string, flag = '--precision'): number {
  const match = /^(\d+(?:\.\d+)?)(%)?$/.exec(raw.trim());
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value < 1))
    throw usageError('LAB_USAGE_BAD_VALUE', `${flag} must be like 2% or 0.02, got "${raw}"`, 'a fraction between 0 and 1, or a percentage');
  return value;
}
