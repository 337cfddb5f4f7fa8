import { parseRuns, PRESETS, type BenchOptions, type Preset } from '@lab/runner';
import { usageError } from './errors';
import type { ConfigContext } from './config-context';
import { list, text } from './normalize-publish';
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
  const impls = list(v.impl);
  const scenarios = list(v.scenario);
  if (impls.length === 0 || scenarios.length === 0) {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', 'lab bench needs --impl and --scenario', 'usage: lab bench --impl <id...> --scenario <id...> (lab list shows both)');
  }
  const out = text(v.out);
  if (out !== undefined && impls.length * scenarios.length > 1) {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', '--out names one result file but several cells were asked for', 'leave --out away: each cell goes to results/raw/<impl>/<scenario>.json');
  }
  const options: BenchOptions = {};
  const variant = text(v.variant);
  if (variant) options.variant = variant;
  const profile = text(v.profile);
  if (profile) options.profile = profile;
  const preset = text(v.preset);
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) {
    throw usageError('LAB_USAGE_BAD_VALUE', `--preset must be one of ${PRESETS.join(', ')}, got "${preset}"`, 'suite is the default suite; quick a smoke test; standard the full protocol');
  }
  if (v.quick === true && preset !== undefined && preset !== 'quick') {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', `--quick contradicts --preset ${preset}`, 'give one of them');
  }
  if (preset !== undefined) options.preset = preset as Preset;
  else if (v.quick === true) options.preset = 'quick';
  if (v['skip-gate'] === true) options.skipGate = true;
  const runs = text(v.runs);
  if (runs !== undefined) {
    const parsed = parseRuns(runs);
    if (!parsed) throw usageError('LAB_USAGE_BAD_VALUE', `--runs must be min..max or a count, got "${runs}"`, 'e.g. --runs 3..10 or --runs 5');
    options.runs = parsed;
  }
  const duration = text(v.duration);
  if (duration !== undefined) options.durationMs = parseDurationMs(duration);
  const precision = text(v.precision);
  if (precision !== undefined) options.precision = parsePrecision(precision);
  const driver = text(v.driver);
  if (driver !== undefined) {
    if (!(BENCH_DRIVERS as readonly string[]).includes(driver)) {
      throw usageError('LAB_USAGE_BAD_VALUE', `--driver must be ${BENCH_DRIVERS.join(', ')}, got "${driver}"`, 'auto picks loadgen for closed loads with a fixed request mix, else native; wrk and loadgen drive closed loads only');
    }
    options.driver = driver as NonNullable<BenchOptions['driver']>;
  }
  const nx = v.nx === true;
  const twin = v.twin === true;
  if (twin && (nx || v.interleave === true)) {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', `--twin cannot be combined with ${nx ? '--nx' : '--interleave'}`, '--twin already interleaves the two copies of its one cell; it is a study, not an Nx task');
  }
  const interleave = v.interleave === true || twin;
  return { name: 'bench', impls, scenarios, options, dryRun: v['dry-run'] === true, json: v.json === true, out, nx, progress: ctx.stderrIsTTY && !nx && !twin, interleave, twin };
}

/** `30s`, `500ms`, `2m` or plain milliseconds → milliseconds. */
export function parseDurationMs(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw.trim());
  const ms = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm'] : NaN;
  if (!(Number.isInteger(ms) && ms > 0)) throw usageError('LAB_USAGE_BAD_VALUE', `--duration must be like 30s, 500ms or 2m, got "${raw}"`, 'a positive whole number of milliseconds');
  return ms;
}

/** `2%` or `0.02` → 0.02; `flag` names the flag in the error. */
export function parsePrecision(raw: string, flag = '--precision'): number {
  const match = /^(\d+(?:\.\d+)?)(%)?$/.exec(raw.trim());
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value < 1)) throw usageError('LAB_USAGE_BAD_VALUE', `${flag} must be like 2% or 0.02, got "${raw}"`, 'a fraction between 0 and 1, or a percentage');
  return value;
}
