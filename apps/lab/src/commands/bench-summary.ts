import { percentilesFromHistogram, type ResultFile } from '@lab/results';
import { describeInterval } from '@lab/stats';
import type { Paint } from '../cli/paint';

const ms = (us: number) => (us >= 10_000 ? `${(us / 1000).toFixed(0)}ms` : us >= 1000 ? `${(us / 1000).toFixed(2)}ms` : `${us}µs`);
const num = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const row = (label: string, value: string) => `  ${`${label} `.padEnd(16, '.')}: ${value}`;

/** A k6-style end summary of one cell: req/s with its CI, latency percentiles, checks, errors, validity, thresholds. */
export function renderCellSummary(title: string, r: ResultFile, out: string, paint: Paint): string[] {
  const verdict = r.validity.verdict === 'valid' ? paint.green('valid') : paint.yellow(r.validity.verdict);
  const lines = [`${paint.bold(title)}  [${verdict}]`];
  const requests = r.runs.reduce((sum, run) => sum + run.requests, 0);
  if (r.stats) {
    const s = r.stats;
    const cv = s.cv === null ? '' : `, CV ${pct(s.cv)}`;
    const interval = s.ci.kind === 'none' ? '' : ` [${num(s.ci.low)} – ${num(s.ci.high)}]`;
    const label = describeInterval({ kind: s.ci.kind, n: s.runs, ...(s.ci.confidence !== null ? { confidence: s.ci.confidence } : {}) });
    lines.push(row('req/s', `${num(s.estimate)}${interval} (geometric mean, ${label}, ${s.runs} run${s.runs === 1 ? '' : 's'}${cv})`));
    const p = s.percentilesUs;
    const from = s.percentilesFrom === 'median-of-runs' ? 'median of wrk runs' : 'merged histogram';
    lines.push(row('latency', `p50 ${ms(p.p50)}  p90 ${ms(p.p90)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)} (${from})`));
  }
  for (const [group, encoded] of Object.entries(r.histograms?.merged.perGroupLatencyUs ?? {})) {
    const runsOfGroup = r.runs.map((run) => run.perGroup[group]?.requests ?? 0).reduce((a, b) => a + b, 0);
    if (runsOfGroup === 0) continue;
    const p = percentilesFromHistogram(encoded);
    lines.push(row(`  ${group}`, `${num(runsOfGroup)} reqs  p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}`));
  }
  const failedChecks = r.runs.reduce((sum, run) => sum + run.errors.checkFailed, 0);
  const failed = r.runs.reduce((sum, run) => sum + run.errors.timeout + run.errors.reset + run.errors.non2xx + run.errors.other, 0);
  lines.push(row('checks failed', `${num(failedChecks)}`));
  const dropped = r.runs.reduce((sum, run) => sum + (run.droppedIterations ?? 0), 0);
  if (dropped > 0) lines.push(row('dropped', `${num(dropped)} iterations at maxInFlight (the offered rate was not met)`));
  const steal = Math.max(0, ...r.runs.map((run) => run.stealCpuCores ?? 0));
  if (steal > 0.01) lines.push(row('cpu steal', `up to ${steal.toFixed(2)} cores taken by the hypervisor in a run`));
  lines.push(row('errors', `${requests > 0 ? pct(failed / requests) : '-'} (${num(failed)} of ${num(requests)})`));
  for (const t of r.thresholds) {
    const mark = t.ok ? paint.green('✓') : paint.red('✗');
    lines.push(row('threshold', `${mark} ${t.expression}${t.observed === null ? '' : ` (observed ${Number(t.observed.toFixed(3))})`}`));
  }
  lines.push(...extrasLines(r.extras));
  for (const reason of r.validity.reasons) lines.push(row('validity', reason));
  lines.push(row('limits', `${r.limits.mechanism}${r.limits.enforced ? '' : ' (NOT enforced)'}, profile ${r.cell.profile}`));
  lines.push(row('plan', `preset ${r.plan.preset ?? 'not recorded'}, driver ${r.plan.driver}, ${r.plan.gated ? 'gated' : 'NOT gated (never ranked)'}`));
  lines.push(row('result', out));
  return lines;
}

/** Bookkeeping extras the summary leaves out (the gate and the generator ceiling have their own lines; the server's environment is in the result file). */
const HIDDEN_EXTRAS = /^(gate\.|generator\.|server\.)/;

/**
 * The scenario's own figures (lost updates, hit ratio, queries per request, server-side elapsed
 * time, memory growth…), one line each, sorted by name.
 */
export function extrasLines(extras: ResultFile['extras']): string[] {
  return Object.entries(extras)
    .filter(([key]) => !HIDDEN_EXTRAS.test(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => row(key, typeof value === 'number' ? (Number.isInteger(value) ? num(value) : String(Number(value.toFixed(3)))) : String(value)));
}
